package io.windlass.capsule.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * {@code GET /capsules}: one page and the link to the next one.
 *
 * @param capsules the page
 * @param next     URL of the next page, null when this page was not full
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CapsuleList(@JsonProperty("capsules") List<Object> capsules, @JsonProperty("next") String next) {
}
