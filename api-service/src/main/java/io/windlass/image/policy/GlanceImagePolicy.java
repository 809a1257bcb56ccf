package io.windlass.image.policy;

import io.windlass.api.error.ApiException;
import io.windlass.context.RequestContext;
import io.windlass.policy.PolicyEngine;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

import static io.windlass.policy.DefaultPolicies.ADMIN_OR_MEMBER;

/**
 * Glance's image action rules ({@code glance/policies/image.py}), unprefixed as Glance names them,
 * with its current defaults: {@code deactivate} and {@code reactivate} are
 * {@code ADMIN_OR_PROJECT_MEMBER} of the image's project (admin-only before the secure-RBAC
 * defaults).
 */
@ApplicationScoped
public class GlanceImagePolicy {
    public static final String DEACTIVATE = "deactivate";
    public static final String REACTIVATE = "reactivate";

    public static final Map<String, String> DEFAULTS = Map.of(DEACTIVATE, ADMIN_OR_MEMBER, REACTIVATE, ADMIN_OR_MEMBER);

    private final PolicyEngine engine;

    public GlanceImagePolicy(PolicyEngine engine) {
        this.engine = engine;
    }

    /** Glance's policy refusal: 403 "You are not authorized to complete deactivate action." */
    public void authorize(String rule, RequestContext caller, String imageOwner) {
        if (!engine.allows(rule, caller, imageOwner)) {
            throw new ApiException(403, "Forbidden", "You are not authorized to complete " + rule + " action.");
        }
    }
}
