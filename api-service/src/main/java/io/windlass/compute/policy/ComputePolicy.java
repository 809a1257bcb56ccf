package io.windlass.compute.policy;

import io.windlass.api.error.PolicyNotAuthorizedException;
import io.windlass.context.RequestContext;
import io.windlass.policy.PolicyEngine;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

import static io.windlass.policy.DefaultPolicies.ADMIN_API;
import static io.windlass.policy.DefaultPolicies.ADMIN_OR_MANAGER;
import static io.windlass.policy.DefaultPolicies.ADMIN_OR_MEMBER;
import static io.windlass.policy.DefaultPolicies.ADMIN_OR_READER;
import static io.windlass.policy.DefaultPolicies.ANYONE;

/**
 * The compute API's view of the {@link PolicyEngine}: Nova's rule names with their defaults,
 * which a policy file may override.
 */
@ApplicationScoped
public class ComputePolicy {
    public static final String AGGREGATES_INDEX = "os_compute_api:os-aggregates:index";
    public static final String AGGREGATES_CREATE = "os_compute_api:os-aggregates:create";
    public static final String AGGREGATES_SHOW = "os_compute_api:os-aggregates:show";
    public static final String AGGREGATES_UPDATE = "os_compute_api:os-aggregates:update";
    public static final String AGGREGATES_DELETE = "os_compute_api:os-aggregates:delete";
    public static final String AGGREGATES_ADD_HOST = "os_compute_api:os-aggregates:add_host";
    public static final String AGGREGATES_REMOVE_HOST = "os_compute_api:os-aggregates:remove_host";
    public static final String AGGREGATES_SET_METADATA = "os_compute_api:os-aggregates:set_metadata";
    public static final String AGGREGATES_IMAGES = "compute:aggregates:images";
    public static final String SERVICES_LIST = "os_compute_api:os-services:list";
    public static final String SERVICES_UPDATE = "os_compute_api:os-services:update";
    public static final String AZ_LIST = "os_compute_api:os-availability-zone:list";
    public static final String AZ_DETAIL = "os_compute_api:os-availability-zone:detail";
    public static final String FLAVOR_CREATE = "os_compute_api:os-flavor-manage:create";
    public static final String FLAVOR_UPDATE = "os_compute_api:os-flavor-manage:update";
    public static final String FLAVOR_DELETE = "os_compute_api:os-flavor-manage:delete";
    public static final String FLAVOR_EXTRA_SPECS_INDEX = "os_compute_api:os-flavor-extra-specs:index";
    public static final String FLAVOR_EXTRA_SPECS_SHOW = "os_compute_api:os-flavor-extra-specs:show";
    public static final String FLAVOR_EXTRA_SPECS_CREATE = "os_compute_api:os-flavor-extra-specs:create";
    public static final String FLAVOR_EXTRA_SPECS_UPDATE = "os_compute_api:os-flavor-extra-specs:update";
    public static final String FLAVOR_EXTRA_SPECS_DELETE = "os_compute_api:os-flavor-extra-specs:delete";
    /** Nova's base flavor-access rule: the access list, and seeing every flavor (private ones included). */
    public static final String FLAVOR_ACCESS = "os_compute_api:os-flavor-access";
    public static final String FLAVOR_ACCESS_ADD = "os_compute_api:os-flavor-access:add_tenant_access";
    public static final String FLAVOR_ACCESS_REMOVE = "os_compute_api:os-flavor-access:remove_tenant_access";
    public static final String LIMITS = "os_compute_api:limits";
    /** {@code nova/policies/extensions.py}: anyone may list the extensions. */
    public static final String EXTENSIONS = "os_compute_api:extensions";
    public static final String LIMITS_OTHER_PROJECT = "os_compute_api:limits:other_project";
    /** {@code nova/policies/quota_sets.py}: a project's readers see its quotas, admins change them. */
    public static final String QUOTA_SETS_SHOW = "os_compute_api:os-quota-sets:show";
    public static final String QUOTA_SETS_DETAIL = "os_compute_api:os-quota-sets:detail";
    public static final String QUOTA_SETS_DEFAULTS = "os_compute_api:os-quota-sets:defaults";
    public static final String QUOTA_SETS_UPDATE = "os_compute_api:os-quota-sets:update";
    public static final String QUOTA_SETS_DELETE = "os_compute_api:os-quota-sets:delete";
    /** {@code nova/policies/networks.py}: readers of their own project. */
    public static final String KEYPAIRS_INDEX = "os_compute_api:os-keypairs:index";
    public static final String KEYPAIRS_CREATE = "os_compute_api:os-keypairs:create";
    public static final String KEYPAIRS_SHOW = "os_compute_api:os-keypairs:show";
    public static final String KEYPAIRS_DELETE = "os_compute_api:os-keypairs:delete";
    /** nova/policies/keypairs.py: a key pair is its user's; an admin may act on anyone's (2.10 {@code user_id}). */
    private static final String ADMIN_OR_OWNING_USER = "(" + ADMIN_API + ") or user_id:%(user_id)s";
    /** {@code nova/policies/server_groups.py}: readers look, members create and delete, admins list every project's. */
    public static final String SERVER_GROUPS_INDEX = "os_compute_api:os-server-groups:index";
    public static final String SERVER_GROUPS_INDEX_ALL_PROJECTS = "os_compute_api:os-server-groups:index:all_projects";
    public static final String SERVER_GROUPS_SHOW = "os_compute_api:os-server-groups:show";
    public static final String SERVER_GROUPS_CREATE = "os_compute_api:os-server-groups:create";
    public static final String SERVER_GROUPS_DELETE = "os_compute_api:os-server-groups:delete";
    /** {@code nova/policies/hypervisors.py}: every hypervisor rule is admin-only. */
    public static final String HYPERVISORS_LIST = "os_compute_api:os-hypervisors:list";
    public static final String HYPERVISORS_LIST_DETAIL = "os_compute_api:os-hypervisors:list-detail";
    public static final String HYPERVISORS_STATISTICS = "os_compute_api:os-hypervisors:statistics";
    public static final String HYPERVISORS_SHOW = "os_compute_api:os-hypervisors:show";
    public static final String HYPERVISORS_UPTIME = "os_compute_api:os-hypervisors:uptime";
    public static final String HYPERVISORS_SEARCH = "os_compute_api:os-hypervisors:search";
    public static final String HYPERVISORS_SERVERS = "os_compute_api:os-hypervisors:servers";
    /** {@code nova/policies/hosts.py}: every rule admin-only. */
    public static final String HOSTS_LIST = "os_compute_api:os-hosts:list";
    public static final String HOSTS_SHOW = "os_compute_api:os-hosts:show";
    public static final String HOSTS_UPDATE = "os_compute_api:os-hosts:update";
    public static final String HOSTS_REBOOT = "os_compute_api:os-hosts:reboot";
    public static final String HOSTS_SHUTDOWN = "os_compute_api:os-hosts:shutdown";
    public static final String HOSTS_START = "os_compute_api:os-hosts:start";
    /** {@code nova/policies/instance_usage_audit_log.py}: both admin-only. */
    public static final String USAGE_AUDIT_LOG_LIST = "os_compute_api:os-instance-usage-audit-log:list";
    public static final String USAGE_AUDIT_LOG_SHOW = "os_compute_api:os-instance-usage-audit-log:show";
    /** {@code nova/policies/simple_tenant_usage.py}: a project's readers see its usage, admins every project's. */
    public static final String TENANT_USAGE_SHOW = "os_compute_api:os-simple-tenant-usage:show";
    public static final String TENANT_USAGE_LIST = "os_compute_api:os-simple-tenant-usage:list";
    /** {@code nova/policies/quota_class_sets.py}: both admin-only. */
    public static final String QUOTA_CLASS_SETS_SHOW = "os_compute_api:os-quota-class-sets:show";
    public static final String QUOTA_CLASS_SETS_UPDATE = "os_compute_api:os-quota-class-sets:update";
    /**
     * {@code nova/policies/migrations.py}: a project's managers list its migrations without hosts;
     * every project's, or another's, and the hosts are admins'.
     */
    public static final String MIGRATIONS_INDEX = "os_compute_api:os-migrations:index";
    public static final String MIGRATIONS_INDEX_ALL_PROJECTS = "os_compute_api:os-migrations:index:all_projects";
    public static final String MIGRATIONS_INDEX_HOST = "os_compute_api:os-migrations:index:host";
    public static final String NETWORKS_LIST = "os_compute_api:os-networks:list";
    public static final String NETWORKS_SHOW = "os_compute_api:os-networks:show";
    /** {@code nova/policies/tenant_networks.py}: readers. */
    public static final String TENANT_NETWORKS_LIST = "os_compute_api:os-tenant-networks:list";
    public static final String TENANT_NETWORKS_SHOW = "os_compute_api:os-tenant-networks:show";
    /** {@code nova/policies/security_groups.py}, the proxy to Neutron: readers look, members change. */
    public static final String SECURITY_GROUPS_GET = "os_compute_api:os-security-groups:get";
    public static final String SECURITY_GROUPS_SHOW = "os_compute_api:os-security-groups:show";
    public static final String SECURITY_GROUPS_CREATE = "os_compute_api:os-security-groups:create";
    public static final String SECURITY_GROUPS_UPDATE = "os_compute_api:os-security-groups:update";
    public static final String SECURITY_GROUPS_DELETE = "os_compute_api:os-security-groups:delete";
    public static final String SECURITY_GROUP_RULES_CREATE = "os_compute_api:os-security-groups:rule:create";
    public static final String SECURITY_GROUP_RULES_DELETE = "os_compute_api:os-security-groups:rule:delete";

    /**
     * Each rule's default (nova/policies): aggregates, services, zone details and flavor changes
     * are admin-only; anyone may list zones, read extra specs and see their own limits.
     */
    public static final Map<String, String> DEFAULTS = Map.ofEntries(Map.entry(AGGREGATES_INDEX, ADMIN_API),
            Map.entry(AGGREGATES_CREATE, ADMIN_API), Map.entry(AGGREGATES_SHOW, ADMIN_API),
            Map.entry(AGGREGATES_UPDATE, ADMIN_API), Map.entry(AGGREGATES_DELETE, ADMIN_API),
            Map.entry(AGGREGATES_ADD_HOST, ADMIN_API), Map.entry(AGGREGATES_REMOVE_HOST, ADMIN_API),
            Map.entry(AGGREGATES_SET_METADATA, ADMIN_API), Map.entry(AGGREGATES_IMAGES, ADMIN_API),
            Map.entry(SERVICES_LIST, ADMIN_API), Map.entry(SERVICES_UPDATE, ADMIN_API), Map.entry(AZ_LIST, ANYONE),
            Map.entry(AZ_DETAIL, ADMIN_API), Map.entry(FLAVOR_CREATE, ADMIN_API), Map.entry(FLAVOR_UPDATE, ADMIN_API),
            Map.entry(FLAVOR_DELETE, ADMIN_API), Map.entry(FLAVOR_EXTRA_SPECS_INDEX, ANYONE),
            Map.entry(FLAVOR_EXTRA_SPECS_SHOW, ANYONE), Map.entry(FLAVOR_EXTRA_SPECS_CREATE, ADMIN_API),
            Map.entry(FLAVOR_EXTRA_SPECS_UPDATE, ADMIN_API), Map.entry(FLAVOR_EXTRA_SPECS_DELETE, ADMIN_API),
            Map.entry(FLAVOR_ACCESS, ADMIN_API), Map.entry(FLAVOR_ACCESS_ADD, ADMIN_API),
            Map.entry(FLAVOR_ACCESS_REMOVE, ADMIN_API), Map.entry(LIMITS, ANYONE), Map.entry(EXTENSIONS, ANYONE),
            Map.entry(LIMITS_OTHER_PROJECT, ADMIN_API), Map.entry(NETWORKS_LIST, ADMIN_OR_READER),
            Map.entry(NETWORKS_SHOW, ADMIN_OR_READER), Map.entry(TENANT_NETWORKS_LIST, ADMIN_OR_READER),
            Map.entry(TENANT_NETWORKS_SHOW, ADMIN_OR_READER), Map.entry(QUOTA_SETS_SHOW, ADMIN_OR_READER),
            Map.entry(QUOTA_SETS_DETAIL, ADMIN_OR_READER), Map.entry(QUOTA_SETS_DEFAULTS, ANYONE),
            Map.entry(QUOTA_SETS_UPDATE, ADMIN_API), Map.entry(QUOTA_SETS_DELETE, ADMIN_API),
            Map.entry(KEYPAIRS_INDEX, ADMIN_OR_OWNING_USER), Map.entry(KEYPAIRS_CREATE, ADMIN_OR_OWNING_USER),
            Map.entry(KEYPAIRS_SHOW, ADMIN_OR_OWNING_USER), Map.entry(KEYPAIRS_DELETE, ADMIN_OR_OWNING_USER),
            Map.entry(SERVER_GROUPS_INDEX, ADMIN_OR_READER), Map.entry(SERVER_GROUPS_INDEX_ALL_PROJECTS, ADMIN_API),
            Map.entry(SERVER_GROUPS_SHOW, ADMIN_OR_READER), Map.entry(SERVER_GROUPS_CREATE, ADMIN_OR_MEMBER),
            Map.entry(SERVER_GROUPS_DELETE, ADMIN_OR_MEMBER),
            Map.entry(HYPERVISORS_LIST, ADMIN_API), Map.entry(HYPERVISORS_LIST_DETAIL, ADMIN_API),
            Map.entry(HYPERVISORS_STATISTICS, ADMIN_API), Map.entry(HYPERVISORS_SHOW, ADMIN_API),
            Map.entry(HYPERVISORS_UPTIME, ADMIN_API), Map.entry(HYPERVISORS_SEARCH, ADMIN_API),
            Map.entry(HYPERVISORS_SERVERS, ADMIN_API), Map.entry(HOSTS_LIST, ADMIN_API),
            Map.entry(HOSTS_SHOW, ADMIN_API), Map.entry(HOSTS_UPDATE, ADMIN_API), Map.entry(HOSTS_REBOOT, ADMIN_API),
            Map.entry(HOSTS_SHUTDOWN, ADMIN_API), Map.entry(HOSTS_START, ADMIN_API),
            Map.entry(USAGE_AUDIT_LOG_LIST, ADMIN_API), Map.entry(USAGE_AUDIT_LOG_SHOW, ADMIN_API),
            Map.entry(TENANT_USAGE_SHOW, ADMIN_OR_READER),
            Map.entry(TENANT_USAGE_LIST, ADMIN_API), Map.entry(QUOTA_CLASS_SETS_SHOW, ADMIN_API),
            Map.entry(QUOTA_CLASS_SETS_UPDATE, ADMIN_API), Map.entry(MIGRATIONS_INDEX, ADMIN_OR_MANAGER),
            Map.entry(MIGRATIONS_INDEX_ALL_PROJECTS, ADMIN_API), Map.entry(MIGRATIONS_INDEX_HOST, ADMIN_API),
            Map.entry(SECURITY_GROUPS_GET, ADMIN_OR_READER), Map.entry(SECURITY_GROUPS_SHOW, ADMIN_OR_READER),
            Map.entry(SECURITY_GROUPS_CREATE, ADMIN_OR_MEMBER), Map.entry(SECURITY_GROUPS_UPDATE, ADMIN_OR_MEMBER),
            Map.entry(SECURITY_GROUPS_DELETE, ADMIN_OR_MEMBER), Map.entry(SECURITY_GROUP_RULES_CREATE, ADMIN_OR_MEMBER),
            Map.entry(SECURITY_GROUP_RULES_DELETE, ADMIN_OR_MEMBER));

    private final PolicyEngine engine;

    public ComputePolicy(PolicyEngine engine) {
        this.engine = engine;
    }

    /** The non-fatal form ({@code context.can(..., fatal=False)}): whether the rule lets the caller through. */
    public boolean allows(String rule, RequestContext caller) {
        return engine.allows(rule, caller, caller.projectId());
    }

    /** A check against another project (limits of {@code tenant_id}). */
    public void authorize(String rule, RequestContext caller, String targetProjectId) {
        if (!engine.allows(rule, caller, targetProjectId)) {
            throw new PolicyNotAuthorizedException(rule);
        }
    }

    /**
     * A check on what a user owns (key pairs).
     *
     * @throws PolicyNotAuthorizedException when the rule denies the caller
     */
    public void authorizeOnUser(String rule, RequestContext caller, String targetUserId) {
        if (!engine.allows(rule, caller, caller.projectId(), targetUserId)) {
            throw new PolicyNotAuthorizedException(rule);
        }
    }

    /**
     * These resources belong to no project, so the caller's own project is the target.
     *
     * @throws PolicyNotAuthorizedException when the rule denies the caller
     */
    public void authorize(String rule, RequestContext caller) {
        if (!engine.allows(rule, caller, caller.projectId())) {
            throw new PolicyNotAuthorizedException(rule);
        }
    }
}
