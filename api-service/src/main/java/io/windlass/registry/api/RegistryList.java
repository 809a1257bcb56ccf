package io.windlass.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** Zun's {@code RegistryCollection}: {@code registries} and the {@code next} page's link (null on the last). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RegistryList(@JsonProperty("registries") List<RegistryView> registries,
                           @JsonProperty("next") String next) {
}
