package io.windlass.server.policy;

import io.windlass.api.error.PolicyNotAuthorizedException;
import io.windlass.context.RequestContext;
import io.windlass.policy.PolicyEngine;
import io.windlass.server.ServerAction;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Set;

import static io.windlass.policy.DefaultPolicies.ADMIN_API;
import static io.windlass.policy.DefaultPolicies.ADMIN_OR_MANAGER;
import static io.windlass.policy.DefaultPolicies.ADMIN_OR_MEMBER;
import static io.windlass.policy.DefaultPolicies.ADMIN_OR_READER;

/**
 * The servers API's view of the {@link PolicyEngine}: Nova's rule names
 * ({@code nova/policies/servers.py}, {@code pause_server.py}, {@code extended_server_attributes.py},
 * {@code evacuate.py}).
 * Each rule has its default beside its name; a policy file may override it.
 */
@ApplicationScoped
public class ServerPolicy {
    public static final String INDEX = "os_compute_api:servers:index";
    public static final String DETAIL = "os_compute_api:servers:detail";
    public static final String INDEX_ALL_TENANTS = "os_compute_api:servers:index:get_all_tenants";
    public static final String DETAIL_ALL_TENANTS = "os_compute_api:servers:detail:get_all_tenants";
    public static final String ALLOW_ALL_FILTERS = "os_compute_api:servers:allow_all_filters";
    public static final String SHOW = "os_compute_api:servers:show";
    public static final String SHOW_FLAVOR_EXTRA_SPECS = "os_compute_api:servers:show:flavor-extra-specs";
    public static final String SHOW_HOST_STATUS = "os_compute_api:servers:show:host_status";
    public static final String CREATE = "os_compute_api:servers:create";
    public static final String CREATE_FORCED_HOST = "os_compute_api:servers:create:forced_host";
    public static final String CREATE_REQUESTED_DESTINATION = "compute:servers:create:requested_destination";
    public static final String UPDATE = "os_compute_api:servers:update";
    /** {@code nova/policies/servers.py}: members rebuild their servers. */
    public static final String REBUILD = "os_compute_api:servers:rebuild";
    public static final String CREATE_IMAGE = "os_compute_api:servers:create_image";
    /** {@code nova/policies/create_backup.py}. */
    public static final String CREATE_BACKUP = "os_compute_api:os-create-backup";
    public static final String RESIZE = "os_compute_api:servers:resize";
    /** {@code nova/policies/deferred_delete.py}: members. */
    public static final String DEFERRED_RESTORE = "os_compute_api:os-deferred-delete:restore";
    public static final String DEFERRED_FORCE_DELETE = "os_compute_api:os-deferred-delete:force";
    /**
     * {@code nova/policies/security_groups.py}: readers list their servers' groups, members put their
     * servers' ports in groups and take them out.
     */
    public static final String SECURITY_GROUPS_LIST = "os_compute_api:os-security-groups:list";
    public static final String SECURITY_GROUPS_ADD = "os_compute_api:os-security-groups:add";
    public static final String SECURITY_GROUPS_REMOVE = "os_compute_api:os-security-groups:remove";
    public static final String CONFIRM_RESIZE = "os_compute_api:servers:confirm_resize";
    public static final String REVERT_RESIZE = "os_compute_api:servers:revert_resize";
    public static final String DELETE = "os_compute_api:servers:delete";
    public static final String START = "os_compute_api:servers:start";
    public static final String STOP = "os_compute_api:servers:stop";
    public static final String REBOOT = "os_compute_api:servers:reboot";
    public static final String PAUSE = "os_compute_api:os-pause-server:pause";
    public static final String UNPAUSE = "os_compute_api:os-pause-server:unpause";
    /** {@code nova/policies/suspend_server.py}: members. */
    public static final String SUSPEND = "os_compute_api:os-suspend-server:suspend";
    public static final String RESUME = "os_compute_api:os-suspend-server:resume";
    /** {@code nova/policies/rescue.py}: members. */
    public static final String RESCUE = "os_compute_api:os-rescue";
    public static final String UNRESCUE = "os_compute_api:os-unrescue";
    /** {@code nova/policies/shelve.py}: members shelve and unshelve; only admins offload or name the host. */
    public static final String SHELVE = "os_compute_api:os-shelve:shelve";
    public static final String SHELVE_OFFLOAD = "os_compute_api:os-shelve:shelve_offload";
    public static final String UNSHELVE = "os_compute_api:os-shelve:unshelve";
    public static final String UNSHELVE_TO_HOST = "os_compute_api:os-shelve:unshelve_to_host";
    public static final String EXTENDED_ATTRIBUTES = "os_compute_api:os-extended-server-attributes";
    /** {@code nova/policies/ips.py}: readers of the server's project. */
    public static final String IPS_INDEX = "os_compute_api:ips:index";
    public static final String IPS_SHOW = "os_compute_api:ips:show";
    /** {@code nova/policies/server_tags.py}: readers look, members change. */
    public static final String TAGS_INDEX = "os_compute_api:os-server-tags:index";
    public static final String TAGS_SHOW = "os_compute_api:os-server-tags:show";
    public static final String TAGS_UPDATE = "os_compute_api:os-server-tags:update";
    public static final String TAGS_UPDATE_ALL = "os_compute_api:os-server-tags:update_all";
    public static final String TAGS_DELETE = "os_compute_api:os-server-tags:delete";
    public static final String TAGS_DELETE_ALL = "os_compute_api:os-server-tags:delete_all";
    /** {@code nova/policies/server_metadata.py}: readers look, members change. */
    public static final String METADATA_INDEX = "os_compute_api:server-metadata:index";
    public static final String METADATA_SHOW = "os_compute_api:server-metadata:show";
    public static final String METADATA_CREATE = "os_compute_api:server-metadata:create";
    public static final String METADATA_UPDATE = "os_compute_api:server-metadata:update";
    public static final String METADATA_UPDATE_ALL = "os_compute_api:server-metadata:update_all";
    public static final String METADATA_DELETE = "os_compute_api:server-metadata:delete";
    /** {@code nova/policies/lock_server.py}: members lock and unlock; only admins lift an admin's lock. */
    public static final String LOCK = "os_compute_api:os-lock-server:lock";
    public static final String UNLOCK = "os_compute_api:os-lock-server:unlock";
    public static final String UNLOCK_OVERRIDE = "os_compute_api:os-lock-server:unlock:unlock_override";
    /** {@code nova/policies/admin_actions.py}: only admins reset a server's state. */
    public static final String RESET_STATE = "os_compute_api:os-admin-actions:reset_state";
    /** {@code nova/policies/server_external_events.py}: the events Neutron and Cinder send, admins only. */
    public static final String EXTERNAL_EVENTS_CREATE = "os_compute_api:os-server-external-events:create";
    /** {@code nova/policies/attach_interfaces.py}: readers look, members attach and detach. */
    public static final String INTERFACES_LIST = "os_compute_api:os-attach-interfaces:list";
    public static final String INTERFACES_SHOW = "os_compute_api:os-attach-interfaces:show";
    public static final String INTERFACES_CREATE = "os_compute_api:os-attach-interfaces:create";
    public static final String INTERFACES_DELETE = "os_compute_api:os-attach-interfaces:delete";
    /** {@code nova/policies/console_output.py}: members (a console may show what the guest printed of its secrets). */
    public static final String CONSOLE_OUTPUT = "os_compute_api:os-console-output";
    /** {@code nova/policies/instance_actions.py}: readers list and show; events' tracebacks, hosts and details are admins'. */
    public static final String INSTANCE_ACTIONS_LIST = "os_compute_api:os-instance-actions:list";
    public static final String INSTANCE_ACTIONS_SHOW = "os_compute_api:os-instance-actions:show";
    public static final String INSTANCE_ACTIONS_EVENTS = "os_compute_api:os-instance-actions:events";
    public static final String INSTANCE_ACTIONS_EVENTS_DETAILS = "os_compute_api:os-instance-actions:events:details";
    /**
     * {@code nova/policies/servers_migrations.py}: a project's managers list its servers' live
     * migrations (hosts are admins'), force them to complete and abort them; showing one is admins'.
     */
    public static final String MIGRATIONS_INDEX = "os_compute_api:servers:migrations:index";
    public static final String MIGRATIONS_INDEX_HOST = "os_compute_api:servers:migrations:index:host";
    public static final String MIGRATIONS_SHOW = "os_compute_api:servers:migrations:show";
    public static final String MIGRATIONS_FORCE_COMPLETE = "os_compute_api:servers:migrations:force_complete";
    public static final String MIGRATIONS_DELETE = "os_compute_api:servers:migrations:delete";
    /** {@code nova/policies/server_password.py}: readers see the encrypted password, members clear it. */
    public static final String SERVER_PASSWORD_SHOW = "os_compute_api:os-server-password:show";
    public static final String SERVER_PASSWORD_CLEAR = "os_compute_api:os-server-password:clear";
    /** {@code nova/policies/admin_password.py}: members change their servers' admin password. */
    public static final String ADMIN_PASSWORD = "os_compute_api:os-admin-password";
    /** {@code nova/policies/server_diagnostics.py}: admins only (the figures are the host's view of the guest). */
    public static final String DIAGNOSTICS = "os_compute_api:os-server-diagnostics";
    /**
     * {@code nova/policies/migrate_server.py}: a project's managers cold-migrate its servers; naming the
     * host (2.56) is admins'.
     */
    public static final String MIGRATE = "os_compute_api:os-migrate-server:migrate";
    public static final String MIGRATE_HOST = "os_compute_api:os-migrate-server:migrate:host";
    /** {@code nova/policies/evacuate.py}: admins only. */
    public static final String EVACUATE = "os_compute_api:os-evacuate";

    /** The rule of each server action. */
    public static final Map<ServerAction, String> ACTIONS = Map.of(ServerAction.START, START, ServerAction.STOP, STOP,
            ServerAction.REBOOT_SOFT, REBOOT, ServerAction.REBOOT_HARD, REBOOT, ServerAction.PAUSE, PAUSE,
            ServerAction.UNPAUSE, UNPAUSE, ServerAction.SUSPEND, SUSPEND, ServerAction.RESUME, RESUME);

    /** Each rule's default (nova/policies/servers.py ...): readers may look, members act, admins see hosts. */
    public static final Map<String, String> DEFAULTS = Map.ofEntries(Map.entry(INDEX, ADMIN_OR_READER),
            Map.entry(DETAIL, ADMIN_OR_READER), Map.entry(INDEX_ALL_TENANTS, ADMIN_API),
            Map.entry(DETAIL_ALL_TENANTS, ADMIN_API), Map.entry(ALLOW_ALL_FILTERS, ADMIN_API),
            Map.entry(SHOW, ADMIN_OR_READER), Map.entry(SHOW_FLAVOR_EXTRA_SPECS, ADMIN_OR_READER),
            Map.entry(SHOW_HOST_STATUS, ADMIN_API), Map.entry(CREATE, ADMIN_OR_MEMBER),
            Map.entry(CREATE_FORCED_HOST, ADMIN_API), Map.entry(CREATE_REQUESTED_DESTINATION, ADMIN_API),
            Map.entry(UPDATE, ADMIN_OR_MEMBER), Map.entry(DELETE, ADMIN_OR_MEMBER), Map.entry(START, ADMIN_OR_MEMBER),
            Map.entry(STOP, ADMIN_OR_MEMBER), Map.entry(REBOOT, ADMIN_OR_MEMBER), Map.entry(PAUSE, ADMIN_OR_MEMBER),
            Map.entry(UNPAUSE, ADMIN_OR_MEMBER), Map.entry(EXTENDED_ATTRIBUTES, ADMIN_API),
            Map.entry(EVACUATE, ADMIN_API), Map.entry(CONSOLE_OUTPUT, ADMIN_OR_MEMBER), Map.entry(IPS_INDEX, ADMIN_OR_READER), Map.entry(IPS_SHOW, ADMIN_OR_READER),
            Map.entry(INTERFACES_LIST, ADMIN_OR_READER), Map.entry(INTERFACES_SHOW, ADMIN_OR_READER),
            Map.entry(INTERFACES_CREATE, ADMIN_OR_MEMBER), Map.entry(INTERFACES_DELETE, ADMIN_OR_MEMBER),
            Map.entry(METADATA_INDEX, ADMIN_OR_READER), Map.entry(METADATA_SHOW, ADMIN_OR_READER),
            Map.entry(METADATA_CREATE, ADMIN_OR_MEMBER), Map.entry(METADATA_UPDATE, ADMIN_OR_MEMBER),
            Map.entry(METADATA_UPDATE_ALL, ADMIN_OR_MEMBER), Map.entry(METADATA_DELETE, ADMIN_OR_MEMBER),
            Map.entry(TAGS_INDEX, ADMIN_OR_READER), Map.entry(TAGS_SHOW, ADMIN_OR_READER),
            Map.entry(TAGS_UPDATE, ADMIN_OR_MEMBER), Map.entry(TAGS_UPDATE_ALL, ADMIN_OR_MEMBER),
            Map.entry(TAGS_DELETE, ADMIN_OR_MEMBER), Map.entry(TAGS_DELETE_ALL, ADMIN_OR_MEMBER),
            Map.entry(LOCK, ADMIN_OR_MEMBER), Map.entry(UNLOCK, ADMIN_OR_MEMBER), Map.entry(UNLOCK_OVERRIDE, ADMIN_API),
            Map.entry(RESET_STATE, ADMIN_API), Map.entry(EXTERNAL_EVENTS_CREATE, ADMIN_API),
            Map.entry(INSTANCE_ACTIONS_LIST, ADMIN_OR_READER), Map.entry(INSTANCE_ACTIONS_SHOW, ADMIN_OR_READER),
            Map.entry(INSTANCE_ACTIONS_EVENTS, ADMIN_API), Map.entry(INSTANCE_ACTIONS_EVENTS_DETAILS, ADMIN_API),
            Map.entry(SUSPEND, ADMIN_OR_MEMBER), Map.entry(RESUME, ADMIN_OR_MEMBER), Map.entry(REBUILD, ADMIN_OR_MEMBER),
            Map.entry(RESIZE, ADMIN_OR_MEMBER), Map.entry(CONFIRM_RESIZE, ADMIN_OR_MEMBER),
            Map.entry(REVERT_RESIZE, ADMIN_OR_MEMBER), Map.entry(SECURITY_GROUPS_LIST, ADMIN_OR_READER),
            Map.entry(SECURITY_GROUPS_ADD, ADMIN_OR_MEMBER),
            Map.entry(SECURITY_GROUPS_REMOVE, ADMIN_OR_MEMBER), Map.entry(DEFERRED_RESTORE, ADMIN_OR_MEMBER),
            Map.entry(DEFERRED_FORCE_DELETE, ADMIN_OR_MEMBER), Map.entry(CREATE_IMAGE, ADMIN_OR_MEMBER),
            Map.entry(CREATE_BACKUP, ADMIN_OR_MEMBER), Map.entry(MIGRATIONS_INDEX, ADMIN_OR_MANAGER),
            Map.entry(MIGRATIONS_INDEX_HOST, ADMIN_API), Map.entry(MIGRATIONS_SHOW, ADMIN_API),
            Map.entry(MIGRATIONS_FORCE_COMPLETE, ADMIN_OR_MANAGER), Map.entry(MIGRATIONS_DELETE, ADMIN_OR_MANAGER),
            Map.entry(SERVER_PASSWORD_SHOW, ADMIN_OR_READER), Map.entry(SERVER_PASSWORD_CLEAR, ADMIN_OR_MEMBER),
            Map.entry(ADMIN_PASSWORD, ADMIN_OR_MEMBER), Map.entry(SHELVE, ADMIN_OR_MEMBER),
            Map.entry(SHELVE_OFFLOAD, ADMIN_API), Map.entry(UNSHELVE, ADMIN_OR_MEMBER),
            Map.entry(UNSHELVE_TO_HOST, ADMIN_API), Map.entry(RESCUE, ADMIN_OR_MEMBER),
            Map.entry(UNRESCUE, ADMIN_OR_MEMBER), Map.entry(DIAGNOSTICS, ADMIN_API),
            Map.entry(MIGRATE, ADMIN_OR_MANAGER), Map.entry(MIGRATE_HOST, ADMIN_API));

    /** List filters only for callers that {@link #ALLOW_ALL_FILTERS} allows. */
    public static final Set<String> ADMIN_FILTERS = Set.of("host", "node", "uuid");
    /** List filters that, from 2.83 on, any caller may use; before, as {@link #ADMIN_FILTERS}. */
    public static final Set<String> FILTERS_FROM_2_83 = Set.of("availability_zone", "key_name", "vm_state",
            "task_state", "user_id", "hostname", "power_state");

    private final PolicyEngine engine;

    public ServerPolicy(PolicyEngine engine) {
        this.engine = engine;
    }

    /** @throws PolicyNotAuthorizedException when the rule denies the caller on a server of {@code targetProjectId} */
    public void authorize(String rule, RequestContext caller, String targetProjectId) {
        if (!allows(rule, caller, targetProjectId)) {
            throw new PolicyNotAuthorizedException(rule);
        }
    }

    public boolean allows(String rule, RequestContext caller, String targetProjectId) {
        return engine.allows(rule, caller, targetProjectId);
    }
}
