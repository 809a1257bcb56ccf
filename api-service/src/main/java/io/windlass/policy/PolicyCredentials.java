package io.windlass.policy;

import io.windlass.context.RequestContext;
import io.windlass.identity.service.RoleHierarchy;

import java.util.List;

/**
 * The caller as rules see it. Roles are expanded with their implied roles here too, so that a
 * context from any source (our tokens, an external Keystone, noauth) is judged alike.
 */
public record PolicyCredentials(String userId, String projectId, List<String> roles) {

    public static PolicyCredentials of(RequestContext context) {
        return new PolicyCredentials(context.userId(), context.projectId(),
                RoleHierarchy.expand(context.roles().stream().map(String::toLowerCase).toList()));
    }

    String attribute(String name) {
        return switch (name) {
            case "project_id", "tenant", "tenant_id" -> projectId;
            case "user_id", "user" -> userId;
            case "is_admin" -> roles.contains("admin") ? "True" : "False";
            default -> null;
        };
    }
}
