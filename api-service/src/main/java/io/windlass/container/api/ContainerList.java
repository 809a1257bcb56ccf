package io.windlass.container.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * {@code GET /containers}: one page and the link to the next one.
 *
 * @param containers the page
 * @param next       URL of the next page, null when this page was not full
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ContainerList(@JsonProperty("containers") List<ContainerView> containers,
                            @JsonProperty("next") String next) {
}
