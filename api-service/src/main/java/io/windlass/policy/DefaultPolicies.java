package io.windlass.policy;

import io.windlass.capsule.policy.CapsulePolicy;
import io.windlass.compute.policy.ComputePolicy;
import io.windlass.container.policy.ContainerPolicy;
import io.windlass.identity.api.IdentityAdmin;
import io.windlass.image.policy.GlanceImagePolicy;
import io.windlass.registry.policy.RegistryPolicy;
import io.windlass.server.policy.ServerPolicy;
import io.windlass.zunimage.policy.ZunImagePolicy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The built-in rules: the base rules here, every API rule beside its name in its family's
 * {@code *Policy} class ({@code DEFAULTS}), named as upstream names them. Container rules follow
 * Zun's defaults ({@code zun/common/policies}) tightened with the secure-RBAC personas:
 * {@code reader} may list and show, changing anything needs {@code member} (or admin).
 */
public final class DefaultPolicies {
    public static final String ADMIN_OR_MEMBER = "rule:admin_or_member";
    public static final String ADMIN_OR_READER = "rule:admin_or_reader";
    /** Nova's {@code PROJECT_MANAGER_OR_ADMIN} (base.py): the project's {@code manager} role, or admin. */
    public static final String ADMIN_OR_MANAGER = "rule:admin_or_manager";
    public static final String ADMIN_API = "rule:admin_api";
    public static final String ANYONE = "@";

    private DefaultPolicies() {
    }

    public static Map<String, String> rules() {
        Map<String, String> r = new LinkedHashMap<>();
        // base rules (zun/common/policies/base.py, keystone's base)
        r.put("context_is_admin", "role:admin");
        r.put("admin_or_owner", "is_admin:True or project_id:%(project_id)s");
        r.put("admin_api", "rule:context_is_admin");
        r.put("deny_everybody", "!");
        r.put("project_member", "role:member and project_id:%(project_id)s");
        r.put("project_reader", "role:reader and project_id:%(project_id)s");
        r.put("admin_or_member", "rule:context_is_admin or rule:project_member");
        r.put("admin_or_reader", "rule:context_is_admin or rule:project_reader");
        r.put("project_manager", "role:manager and project_id:%(project_id)s");
        r.put("admin_or_manager", "rule:context_is_admin or rule:project_manager");
        r.putAll(ContainerPolicy.DEFAULTS);
        r.putAll(ZunImagePolicy.DEFAULTS);
        r.putAll(CapsulePolicy.DEFAULTS);
        r.putAll(RegistryPolicy.DEFAULTS);
        r.putAll(ComputePolicy.DEFAULTS);
        r.putAll(ServerPolicy.DEFAULTS);
        r.putAll(IdentityAdmin.DEFAULTS);
        r.putAll(GlanceImagePolicy.DEFAULTS);
        return r;
    }
}
