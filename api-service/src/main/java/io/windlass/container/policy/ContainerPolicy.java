package io.windlass.container.policy;

import io.windlass.api.error.PolicyNotAuthorizedException;
import io.windlass.context.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

import static io.windlass.container.policy.PolicyRule.ADMIN_API;
import static io.windlass.container.policy.PolicyRule.ADMIN_OR_OWNER;
import static io.windlass.container.policy.PolicyRule.DENY_EVERYBODY;
import static java.util.Map.entry;

/**
 * Who may do what with containers: Zun's default rules ({@code zun/common/policies/container.py})
 * as one table, checked against the target container's project.
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

    private static final Map<String, PolicyRule> RULES = Map.ofEntries(
            entry(CREATE, ADMIN_OR_OWNER),
            entry(CREATE_RUNTIME, ADMIN_API),
            entry(CREATE_PRIVILEGED, DENY_EVERYBODY),
            entry(CREATE_IMAGE_PULL_POLICY, ADMIN_API),
            entry(CREATE_REQUESTED_DESTINATION, ADMIN_API),
            entry(GET_ALL, ADMIN_OR_OWNER),
            entry(GET_ALL_ALL_PROJECTS, ADMIN_API),
            entry(GET_ONE, ADMIN_OR_OWNER),
            entry(GET_ONE_ALL_PROJECTS, ADMIN_API),
            entry(GET_ONE_FIELD + "host", ADMIN_API),
            entry(GET_ONE_FIELD + "image_pull_policy", ADMIN_API),
            entry(GET_ONE_FIELD + "privileged", ADMIN_API),
            entry(GET_ONE_FIELD + "runtime", ADMIN_API),
            entry(UPDATE, ADMIN_OR_OWNER),
            entry(DELETE, ADMIN_OR_OWNER),
            entry(DELETE_FORCE, ADMIN_API),
            entry(DELETE_ALL_PROJECTS, ADMIN_API),
            entry("container:start", ADMIN_OR_OWNER),
            entry("container:stop", ADMIN_OR_OWNER),
            entry("container:pause", ADMIN_OR_OWNER),
            entry("container:unpause", ADMIN_OR_OWNER),
            entry("container:reboot", ADMIN_OR_OWNER),
            entry("container:kill", ADMIN_OR_OWNER),
            entry(RENAME, ADMIN_OR_OWNER),
            entry(STATS, ADMIN_OR_OWNER));

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
        PolicyRule rule = RULES.get(action);
        if (rule == null && action.startsWith(GET_ONE_FIELD)) {
            rule = RULES.get(GET_ONE);
        }
        if (rule == null) {
            // an action nobody wrote a rule for is a programming error: fail closed
            throw new IllegalArgumentException("no policy rule for " + action);
        }
        return rule.allows(caller, targetProjectId);
    }

    /** The rule for a user action such as start or stop ({@code container:<verb>}). */
    public static String actionRule(String verb) {
        return "container:" + verb;
    }
}
