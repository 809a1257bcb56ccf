package io.windlass.policy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The built-in rules, one per API action, named as upstream names them. Container rules
 * follow Zun's defaults ({@code zun/common/policies}) tightened with the secure-RBAC personas:
 * {@code reader} may list and show, changing anything needs {@code member} (or admin).
 */
public final class DefaultPolicies {
    private static final String ADMIN_OR_MEMBER = "rule:admin_or_member";
    private static final String ADMIN_OR_READER = "rule:admin_or_reader";
    private static final String ADMIN_API = "rule:admin_api";

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

        // containers
        r.put("container:create", ADMIN_OR_MEMBER);
        r.put("container:create:runtime", ADMIN_API);
        r.put("container:create:privileged", "rule:deny_everybody");
        r.put("container:create:image_pull_policy", ADMIN_API);
        r.put("container:create:requested_destination", ADMIN_API);
        r.put("container:get_all", ADMIN_OR_READER);
        r.put("container:get_all_all_projects", ADMIN_API);
        r.put("container:get_one", ADMIN_OR_READER);
        r.put("container:get_one_all_projects", ADMIN_API);
        r.put("container:get_one:host", ADMIN_API);
        r.put("container:get_one:image_pull_policy", ADMIN_API);
        r.put("container:get_one:privileged", ADMIN_API);
        r.put("container:get_one:runtime", ADMIN_API);
        r.put("container:update", ADMIN_OR_MEMBER);
        r.put("container:delete", ADMIN_OR_MEMBER);
        r.put("container:delete_force", ADMIN_API);
        r.put("container:delete_all_projects", ADMIN_API);
        for (String action : new String[]{"start", "stop", "pause", "unpause", "reboot", "kill", "rename"}) {
            r.put("container:" + action, ADMIN_OR_MEMBER);
        }
        r.put("container:stats", ADMIN_OR_READER);

        // capsules (zun/common/policies/capsule.py): owner-or-admin, readers may look
        r.put("capsule:create", ADMIN_OR_MEMBER);
        r.put("capsule:delete", ADMIN_OR_MEMBER);
        r.put("capsule:delete_all_projects", ADMIN_API);
        r.put("capsule:get", ADMIN_OR_READER);
        r.put("capsule:get_one_all_projects", ADMIN_API);
        r.put("capsule:get:host", ADMIN_API);
        r.put("capsule:get_all", ADMIN_OR_READER);
        r.put("capsule:get_all_all_projects", ADMIN_API);

        // compute (nova/policies): aggregates, services and zone details are admin-only;
        // anyone authenticated may list the zones
        for (String action : new String[]{"index", "create", "show", "update", "delete", "add_host",
                "remove_host", "set_metadata"}) {
            r.put("os_compute_api:os-aggregates:" + action, ADMIN_API);
        }
        r.put("compute:aggregates:images", ADMIN_API);
        r.put("os_compute_api:os-services:list", ADMIN_API);
        r.put("os_compute_api:os-services:update", ADMIN_API);
        r.put("os_compute_api:os-availability-zone:list", "@");
        r.put("os_compute_api:os-availability-zone:detail", ADMIN_API);

        // servers (nova/policies/servers.py, pause_server.py, extended_server_attributes.py)
        r.put("os_compute_api:servers:index", ADMIN_OR_READER);
        r.put("os_compute_api:servers:detail", ADMIN_OR_READER);
        r.put("os_compute_api:servers:index:get_all_tenants", ADMIN_API);
        r.put("os_compute_api:servers:detail:get_all_tenants", ADMIN_API);
        r.put("os_compute_api:servers:allow_all_filters", ADMIN_API);
        r.put("os_compute_api:servers:show", ADMIN_OR_READER);
        r.put("os_compute_api:servers:show:flavor-extra-specs", ADMIN_OR_READER);
        r.put("os_compute_api:servers:show:host_status", ADMIN_API);
        r.put("os_compute_api:servers:create", ADMIN_OR_MEMBER);
        r.put("os_compute_api:servers:create:forced_host", ADMIN_API);
        r.put("compute:servers:create:requested_destination", ADMIN_API);
        for (String action : new String[]{"update", "delete", "start", "stop", "reboot"}) {
            r.put("os_compute_api:servers:" + action, ADMIN_OR_MEMBER);
        }
        r.put("os_compute_api:os-pause-server:pause", ADMIN_OR_MEMBER);
        r.put("os_compute_api:os-pause-server:unpause", ADMIN_OR_MEMBER);
        r.put("os_compute_api:os-extended-server-attributes", ADMIN_API);

        // flavors (nova/policies/flavor_manage.py, flavor_extra_specs.py, flavor_access.py):
        // anyone may list and read extra specs, changes and access lists are admin-only
        for (String action : new String[]{"create", "update", "delete"}) {
            r.put("os_compute_api:os-flavor-manage:" + action, ADMIN_API);
            r.put("os_compute_api:os-flavor-extra-specs:" + action, ADMIN_API);
        }
        r.put("os_compute_api:os-flavor-extra-specs:index", "@");
        r.put("os_compute_api:os-flavor-extra-specs:show", "@");
        r.put("os_compute_api:os-flavor-access", ADMIN_API);
        r.put("os_compute_api:os-flavor-access:add_tenant_access", ADMIN_API);
        r.put("os_compute_api:os-flavor-access:remove_tenant_access", ADMIN_API);

        // limits (nova/policies/limits.py): one's own for anyone, another project's for admins
        r.put("os_compute_api:limits", "@");
        r.put("os_compute_api:limits:other_project", ADMIN_API);

        // identity admin API (keystone's defaults for a single-domain cloud: admin only)
        for (String action : new String[]{"create_project", "list_projects", "get_project", "update_project",
                "delete_project", "create_user", "list_users", "get_user", "update_user", "delete_user",
                "list_roles", "get_role", "list_domains", "get_domain", "create_grant", "revoke_grant",
                "list_role_assignments"}) {
            r.put("identity:" + action, ADMIN_API);
        }
        return r;
    }
}
