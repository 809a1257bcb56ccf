package io.windlass.container.policy;

import io.windlass.api.error.PolicyNotAuthorizedException;
import io.windlass.context.RequestContext;
import io.windlass.policy.PolicyEngine;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The container API's view of the {@link PolicyEngine}: Zun's rule names, and Zun's 403 body
 * when a rule denies. The rules themselves are data ({@code DefaultPolicies}, policy file).
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
        String rule = action.startsWith(GET_ONE_FIELD) && !engine.hasRule(action) ? GET_ONE : action;
        return engine.allows(rule, caller, targetProjectId);
    }

    /** The rule for a user action such as start or stop ({@code container:<verb>}). */
    public static String actionRule(String verb) {
        return "container:" + verb;
    }
}
