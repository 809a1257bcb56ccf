package io.windlass.zunimage.policy;

import io.windlass.api.error.PolicyNotAuthorizedException;
import io.windlass.context.RequestContext;
import io.windlass.policy.PolicyEngine;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

import static io.windlass.policy.DefaultPolicies.ADMIN_API;

/**
 * Zun's image rules ({@code zun/common/policies/image.py}) with upstream's defaults: what is
 * pulled onto, listed on and deleted from the hosts is admins'; a search only reads a registry
 * or the catalogue, so Zun lets any member of the caller's project do it ({@code admin_or_owner}).
 */
@ApplicationScoped
public class ZunImagePolicy {
    public static final String PULL = "image:pull";
    public static final String GET_ALL = "image:get_all";
    public static final String GET_ONE = "image:get_one";
    public static final String SEARCH = "image:search";
    public static final String DELETE = "image:delete";

    public static final Map<String, String> DEFAULTS = Map.of(PULL, ADMIN_API, GET_ALL, ADMIN_API,
            GET_ONE, ADMIN_API, SEARCH, "rule:admin_or_owner", DELETE, ADMIN_API);

    private final PolicyEngine engine;

    public ZunImagePolicy(PolicyEngine engine) {
        this.engine = engine;
    }

    /** @throws PolicyNotAuthorizedException when the rule denies the caller (Zun's 403 body) */
    public void authorize(String rule, RequestContext caller, String targetProjectId) {
        if (!engine.allows(rule, caller, targetProjectId)) {
            throw new PolicyNotAuthorizedException(rule);
        }
    }
}
