package io.windlass.capsule.policy;

import io.windlass.api.error.PolicyNotAuthorizedException;
import io.windlass.context.RequestContext;
import io.windlass.policy.PolicyEngine;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

import static io.windlass.policy.DefaultPolicies.ADMIN_API;
import static io.windlass.policy.DefaultPolicies.ADMIN_OR_MEMBER;
import static io.windlass.policy.DefaultPolicies.ADMIN_OR_READER;

/** The capsule API's rule names and defaults (zun/common/policies/capsule.py) on the {@link PolicyEngine}. */
@ApplicationScoped
public class CapsulePolicy {
    public static final String CREATE = "capsule:create";
    public static final String DELETE = "capsule:delete";
    public static final String DELETE_ALL_PROJECTS = "capsule:delete_all_projects";
    public static final String GET = "capsule:get";
    public static final String GET_ONE_ALL_PROJECTS = "capsule:get_one_all_projects";
    /** Whether the caller sees the capsule's host. */
    public static final String GET_HOST = "capsule:get:host";
    public static final String GET_ALL = "capsule:get_all";
    public static final String GET_ALL_ALL_PROJECTS = "capsule:get_all_all_projects";

    /** Each rule's default: owner-or-admin, readers may look. */
    public static final Map<String, String> DEFAULTS = Map.of(CREATE, ADMIN_OR_MEMBER, DELETE, ADMIN_OR_MEMBER,
            DELETE_ALL_PROJECTS, ADMIN_API, GET, ADMIN_OR_READER, GET_ONE_ALL_PROJECTS, ADMIN_API, GET_HOST, ADMIN_API,
            GET_ALL, ADMIN_OR_READER, GET_ALL_ALL_PROJECTS, ADMIN_API);

    private final PolicyEngine engine;

    public CapsulePolicy(PolicyEngine engine) {
        this.engine = engine;
    }

    /** @throws PolicyNotAuthorizedException when the rule denies the caller */
    public void authorize(String action, RequestContext caller, String targetProjectId) {
        if (!allows(action, caller, targetProjectId)) {
            throw new PolicyNotAuthorizedException(action);
        }
    }

    public boolean allows(String action, RequestContext caller, String targetProjectId) {
        return engine.allows(action, caller, targetProjectId);
    }
}
