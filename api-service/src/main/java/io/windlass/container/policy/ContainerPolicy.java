package io.windlass.container.policy;

import io.windlass.api.error.PolicyNotAuthorizedException;
import io.windlass.context.RequestContext;
import io.windlass.policy.PolicyEngine;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

import static io.windlass.policy.DefaultPolicies.ADMIN_API;
import static io.windlass.policy.DefaultPolicies.ADMIN_OR_MEMBER;
import static io.windlass.policy.DefaultPolicies.ADMIN_OR_READER;

/**
 * The container API's view of the {@link PolicyEngine}: Zun's rule names with their defaults, and
 * Zun's 403 body when a rule denies. A policy file may override any default.
 */
@ApplicationScoped
public class ContainerPolicy {
    public static final String CREATE = "container:create";
    public static final String CREATE_RUNTIME = "container:create:runtime";
    public static final String CREATE_PRIVILEGED = "container:create:privileged";
    public static final String CREATE_IMAGE_PULL_POLICY = "container:create:image_pull_policy";
    public static final String CREATE_REQUESTED_DESTINATION = "container:create:requested_destination";
    public static final String GET_ALL = "container:get_all";
    public static final String GET_ALL_ALL_PROJECTS = "container:get_all_all_projects";
    public static final String GET_ONE = "container:get_one";
    public static final String GET_ONE_ALL_PROJECTS = "container:get_one_all_projects";
    /** Field visibility and filtering: {@code container:get_one:<field>}. */
    public static final String GET_ONE_FIELD = "container:get_one:";
    public static final String UPDATE = "container:update";
    public static final String DELETE = "container:delete";
    public static final String DELETE_FORCE = "container:delete_force";
    public static final String DELETE_ALL_PROJECTS = "container:delete_all_projects";
    public static final String RENAME = "container:rename";
    public static final String STATS = "container:stats";
    /** A log may hold what a workload printed of its secrets: members, as Nova's console output. */
    public static final String LOGS = "container:logs";
    /**
     * Zun's rules for reaching into a container (its admin_or_owner, like logs): a command run in it,
     * its processes' command lines and its files may hold a workload's secrets, so members, not readers.
     */
    public static final String EXECUTE = "container:execute";
    public static final String EXECUTE_RESIZE = "container:execute_resize";
    public static final String ATTACH = "container:attach";
    /** Zun's tty resize (not the live resize of limits, {@code container:resize_container}). */
    public static final String RESIZE = "container:resize";
    public static final String TOP = "container:top";
    /** A commit copies the container's files, secrets and all, into an image: members, as Zun's admin_or_owner. */
    public static final String COMMIT = "container:commit";
    public static final String GET_ARCHIVE = "container:get_archive";
    public static final String PUT_ARCHIVE = "container:put_archive";
    public static final String START = "container:start";
    public static final String STOP = "container:stop";
    public static final String PAUSE = "container:pause";
    public static final String UNPAUSE = "container:unpause";
    public static final String REBOOT = "container:reboot";
    public static final String KILL = "container:kill";
    /** {@code zun/common/policies/container_action.py}: the project reads its containers' actions; tracebacks are admins'. */
    public static final String ACTIONS = "container:actions";
    public static final String ACTION_EVENTS = "container:action:events";
    public static final String NETWORK_LIST = "container:network_list";
    public static final String NETWORK_ATTACH = "container:network_attach";
    public static final String NETWORK_DETACH = "container:network_detach";
    public static final String ADD_SECURITY_GROUP = "container:add_security_group";
    public static final String REMOVE_SECURITY_GROUP = "container:remove_security_group";
    /** {@code zun/common/policies/host.py} and {@code zun_service.py}: the hosts and their zun-compute services are admins'. */
    public static final String HOST_GET_ALL = "host:get_all";
    public static final String HOST_GET = "host:get";
    public static final String SERVICE_GET_ALL = "zun-service:get_all";
    public static final String SERVICE_ENABLE = "zun-service:enable";
    public static final String SERVICE_DISABLE = "zun-service:disable";
    /** Who sees (and may filter by) these fields; the others follow {@link #GET_ONE}. */
    public static final String GET_ONE_HOST = "container:get_one:host";
    public static final String GET_ONE_IMAGE_PULL_POLICY = "container:get_one:image_pull_policy";
    public static final String GET_ONE_PRIVILEGED = "container:get_one:privileged";
    public static final String GET_ONE_RUNTIME = "container:get_one:runtime";

    /** Each rule's default (zun/common/policies/container.py, tightened with the reader and member personas). */
    public static final Map<String, String> DEFAULTS = Map.ofEntries(Map.entry(CREATE, ADMIN_OR_MEMBER),
            Map.entry(CREATE_RUNTIME, ADMIN_API), Map.entry(CREATE_PRIVILEGED, "rule:deny_everybody"),
            Map.entry(CREATE_IMAGE_PULL_POLICY, ADMIN_API), Map.entry(CREATE_REQUESTED_DESTINATION, ADMIN_API),
            Map.entry(GET_ALL, ADMIN_OR_READER), Map.entry(GET_ALL_ALL_PROJECTS, ADMIN_API),
            Map.entry(GET_ONE, ADMIN_OR_READER), Map.entry(GET_ONE_ALL_PROJECTS, ADMIN_API),
            Map.entry(GET_ONE_HOST, ADMIN_API), Map.entry(GET_ONE_IMAGE_PULL_POLICY, ADMIN_API),
            Map.entry(GET_ONE_PRIVILEGED, ADMIN_API), Map.entry(GET_ONE_RUNTIME, ADMIN_API),
            Map.entry(UPDATE, ADMIN_OR_MEMBER), Map.entry(DELETE, ADMIN_OR_MEMBER), Map.entry(DELETE_FORCE, ADMIN_API),
            Map.entry(DELETE_ALL_PROJECTS, ADMIN_API), Map.entry(START, ADMIN_OR_MEMBER), Map.entry(STOP, ADMIN_OR_MEMBER),
            Map.entry(PAUSE, ADMIN_OR_MEMBER), Map.entry(UNPAUSE, ADMIN_OR_MEMBER), Map.entry(REBOOT, ADMIN_OR_MEMBER),
            Map.entry(KILL, ADMIN_OR_MEMBER), Map.entry(RENAME, ADMIN_OR_MEMBER), Map.entry(STATS, ADMIN_OR_READER),
            Map.entry(LOGS, ADMIN_OR_MEMBER), Map.entry(EXECUTE, ADMIN_OR_MEMBER), Map.entry(EXECUTE_RESIZE, ADMIN_OR_MEMBER),
            Map.entry(ATTACH, ADMIN_OR_MEMBER), Map.entry(RESIZE, ADMIN_OR_MEMBER),
            Map.entry(TOP, ADMIN_OR_MEMBER), Map.entry(COMMIT, ADMIN_OR_MEMBER), Map.entry(HOST_GET_ALL, ADMIN_API),
            Map.entry(HOST_GET, ADMIN_API), Map.entry(SERVICE_GET_ALL, ADMIN_API), Map.entry(SERVICE_ENABLE, ADMIN_API),
            Map.entry(SERVICE_DISABLE, ADMIN_API), Map.entry(GET_ARCHIVE, ADMIN_OR_MEMBER),
            Map.entry(PUT_ARCHIVE, ADMIN_OR_MEMBER),
            Map.entry(NETWORK_LIST, ADMIN_OR_READER), Map.entry(NETWORK_ATTACH, ADMIN_OR_MEMBER),
            Map.entry(NETWORK_DETACH, ADMIN_OR_MEMBER), Map.entry(ADD_SECURITY_GROUP, ADMIN_OR_MEMBER),
            Map.entry(REMOVE_SECURITY_GROUP, ADMIN_OR_MEMBER), Map.entry(ACTIONS, ADMIN_OR_READER),
            Map.entry(ACTION_EVENTS, ADMIN_API));

    private final PolicyEngine engine;

    public ContainerPolicy(PolicyEngine engine) {
        this.engine = engine;
    }

    /** @throws PolicyNotAuthorizedException when the rule denies the caller */
    public void authorize(String action, RequestContext caller, String targetProjectId) {
        if (!allows(action, caller, targetProjectId)) {
            throw new PolicyNotAuthorizedException(action);
        }
    }

    /**
     * Whether the rule lets the caller act on a target in {@code targetProjectId}. Field
     * rules without an entry are open to whoever may read the container.
     */
    public boolean allows(String action, RequestContext caller, String targetProjectId) {
        return action.startsWith(GET_ONE_FIELD) ? engine.allowsOrFallsBack(action, GET_ONE, caller, targetProjectId)
                : engine.allows(action, caller, targetProjectId);
    }

    /** The rule for a user action such as start or stop ({@code container:<verb>}). */
    public static String actionRule(String verb) {
        return "container:" + verb;
    }
}
