package io.windlass.registry.policy;

import io.windlass.api.error.PolicyNotAuthorizedException;
import io.windlass.context.RequestContext;
import io.windlass.policy.PolicyEngine;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

import static io.windlass.policy.DefaultPolicies.ADMIN_API;
import static io.windlass.policy.DefaultPolicies.ADMIN_OR_MEMBER;
import static io.windlass.policy.DefaultPolicies.ADMIN_OR_READER;

/**
 * The registry API's rule names (zun/common/policies/registry.py) with Zun's admin_or_owner defaults tightened
 * with the personas as the container rules are: readers list and show (the password is never shown), members
 * create, change and delete, admins look across projects.
 */
@ApplicationScoped
public class RegistryPolicy {
    public static final String CREATE = "registry:create";
    public static final String DELETE = "registry:delete";
    public static final String GET_ONE = "registry:get_one";
    public static final String GET_ALL = "registry:get_all";
    public static final String GET_ALL_ALL_PROJECTS = "registry:get_all_all_projects";
    public static final String UPDATE = "registry:update";
    /** Field visibility and filtering, {@code registry:get_one:<field>}: Zun registers none, so they follow {@link #GET_ONE}. */
    public static final String GET_ONE_FIELD = "registry:get_one:";

    public static final Map<String, String> DEFAULTS = Map.of(CREATE, ADMIN_OR_MEMBER, DELETE, ADMIN_OR_MEMBER,
            GET_ONE, ADMIN_OR_READER, GET_ALL, ADMIN_OR_READER, GET_ALL_ALL_PROJECTS, ADMIN_API, UPDATE, ADMIN_OR_MEMBER);

    private final PolicyEngine engine;

    public RegistryPolicy(PolicyEngine engine) {
        this.engine = engine;
    }

    /** @throws PolicyNotAuthorizedException when the rule denies the caller */
    public void authorize(String action, RequestContext caller, String targetProjectId) {
        if (!allows(action, caller, targetProjectId)) {
            throw new PolicyNotAuthorizedException(action);
        }
    }

    /** Field rules without an entry (Zun's {@code might_not_exist}) are open to whoever may read the registry. */
    public boolean allows(String action, RequestContext caller, String targetProjectId) {
        return action.startsWith(GET_ONE_FIELD) ? engine.allowsOrFallsBack(action, GET_ONE, caller, targetProjectId)
                : engine.allows(action, caller, targetProjectId);
    }
}
