package io.windlass.container.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A hypermedia link as OpenStack APIs write them.
 *
 * @param href absolute URL
 * @param rel  self, bookmark, describedby
 */
public record Link(@JsonProperty("href") String href, @JsonProperty("rel") String rel) {
}
