package io.windlass.identity.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.windlass.identity.service.ServiceCatalog;

import java.util.List;

/** The body of a token response: {@code {"token": {...}}} as keystoneauth reads it. */
public record TokenView(@JsonProperty("token") Token token) {

    /** The token document. {@code project}, {@code roles} and {@code catalog} are absent when unscoped. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Token(@JsonProperty("methods") List<String> methods,
                        @JsonProperty("expires_at") String expiresAt,
                        @JsonProperty("issued_at") String issuedAt,
                        @JsonProperty("audit_ids") List<String> auditIds,
                        @JsonProperty("user") User user,
                        @JsonProperty("project") Project project,
                        @JsonProperty("is_domain") boolean isDomain,
                        @JsonProperty("roles") List<Named> roles,
                        @JsonProperty("catalog") List<ServiceCatalog.Service> catalog) {
    }

    /** The token's user. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record User(@JsonProperty("id") String id, @JsonProperty("name") String name,
                       @JsonProperty("domain") Named domain,
                       @JsonProperty("password_expires_at") String passwordExpiresAt) {
    }

    /** The token's project. */
    public record Project(@JsonProperty("id") String id, @JsonProperty("name") String name,
                          @JsonProperty("domain") Named domain) {
    }

    /** An id with its name (role, domain). */
    public record Named(@JsonProperty("id") String id, @JsonProperty("name") String name) {
    }
}
