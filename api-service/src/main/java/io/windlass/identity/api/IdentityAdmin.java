package io.windlass.identity.api;

import io.vertx.ext.web.RoutingContext;
import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.context.PublicUrl;
import io.windlass.policy.PolicyEngine;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.windlass.policy.DefaultPolicies.ADMIN_API;

/** What every identity admin resource needs: the policy check (Keystone's 403) and the base URL for links. */
@ApplicationScoped
public class IdentityAdmin {
    /** {@code identity:<action>} of every admin action, admin-only (Keystone's defaults for a single-domain cloud). */
    public static final Map<String, String> DEFAULTS = Stream.of("create_project", "list_projects", "get_project",
            "update_project", "delete_project", "create_user", "list_users", "get_user", "update_user", "delete_user",
            "list_roles", "get_role", "list_domains", "get_domain", "create_grant", "revoke_grant",
            "list_role_assignments").collect(Collectors.toUnmodifiableMap(a -> "identity:" + a, a -> ADMIN_API));

    private final PolicyEngine policy;
    private final CurrentRequestContext context;
    private final PublicUrl publicUrl;

    public IdentityAdmin(PolicyEngine policy, CurrentRequestContext context, PublicUrl publicUrl) {
        this.policy = policy;
        this.context = context;
        this.publicUrl = publicUrl;
    }

    /** @throws KeystoneException 403 when {@code identity:<action>} denies the caller */
    public void authorize(String action) {
        String rule = "identity:" + action;
        if (!policy.allows(rule, context.get(), context.get().projectId())) {
            throw KeystoneException.forbidden("You are not authorized to perform the requested action: " + rule + ".");
        }
    }

    /** The identity root the client used ({@code <root>} or {@code <root>/identity}). */
    public String base(RoutingContext routing) {
        return IdentityPrefixFilter.base(publicUrl.root(routing.request()), routing);
    }
}
