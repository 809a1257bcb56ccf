package io.windlass.context;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.UUID;

/**
 * Who is asking and on behalf of which request. Built by the api-service from the
 * incoming HTTP request (identity fills user, project and roles; until then a
 * configured default project), then carried in every RPC envelope so that the
 * request id can be followed from the HTTP access log down to the agent's Docker calls.
 *
 * @param requestId       this service hop's id, {@code req-<uuid>}
 * @param globalRequestId the id the client supplied (or the first hop's), kept unchanged across services
 * @param userId          acting user
 * @param projectId       project the request is scoped to
 * @param roles           role names (admin, member, reader)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RequestContext(String requestId, String globalRequestId, String userId, String projectId,
                             List<String> roles) {

    public RequestContext {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    @JsonIgnore
    public boolean isAdmin() {
        return roles.contains("admin");
    }

    /** A fresh request id in the OpenStack format ({@code req-<uuid>}). */
    public static String newRequestId() {
        return "req-" + UUID.randomUUID();
    }

    /** Context for work a service starts by itself (periodic tasks, event streams). */
    public static RequestContext internal(String service) {
        String id = newRequestId();
        return new RequestContext(id, id, service, null, List.of("admin"));
    }
}
