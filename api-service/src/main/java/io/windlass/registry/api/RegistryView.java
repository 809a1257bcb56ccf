package io.windlass.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.windlass.container.api.Link;

import java.util.List;

/**
 * A registry as Zun's {@code registries_view} shows it: the password is always {@code ***} (Zun shows no
 * password, only that field), {@code id} never; nulls are written out.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RegistryView(@JsonProperty("uuid") String uuid,
                           @JsonProperty("links") List<Link> links,
                           @JsonProperty("name") String name,
                           @JsonProperty("domain") String domain,
                           @JsonProperty("username") String username,
                           @JsonProperty("password") String password,
                           @JsonProperty("project_id") String projectId,
                           @JsonProperty("user_id") String userId) {
    /** What stands for the password in every answer. */
    public static final String HIDDEN_PASSWORD = "***";
}
