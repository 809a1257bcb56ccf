package io.windlass.image.policy;

import io.windlass.api.error.ApiException;
import io.windlass.context.RequestContext;
import io.windlass.image.catalog.ImageVisibility;
import io.windlass.policy.PolicyEngine;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Map;

import static io.windlass.policy.DefaultPolicies.ADMIN_OR_MEMBER;

/**
 * Glance's image action and member rules ({@code glance/policies/image.py}), unprefixed as Glance
 * names them, with its current defaults: {@code deactivate} and {@code reactivate} are
 * {@code ADMIN_OR_PROJECT_MEMBER} of the image's project (admin-only before the secure-RBAC
 * defaults); adding and deleting members is the image's project's, reading them its project's or a
 * member's readers', and a membership's status is the member's own ({@code ADMIN_OR_SHARED_MEMBER}).
 * Glance's {@code member_id} in these rules is the caller's project whenever the image is shared and
 * not its own ({@link ImageVisibility#memberOf}).
 */
@ApplicationScoped
public class GlanceImagePolicy {
    public static final String DEACTIVATE = "deactivate";
    public static final String REACTIVATE = "reactivate";
    public static final String ADD_MEMBER = "add_member";
    public static final String DELETE_MEMBER = "delete_member";
    public static final String GET_MEMBER = "get_member";
    public static final String GET_MEMBERS = "get_members";
    public static final String MODIFY_MEMBER = "modify_member";

    /** {@code glance/policies/base.py}: {@code ADMIN_OR_PROJECT_READER_OR_SHARED_MEMBER}. */
    private static final String ADMIN_OR_READER_OR_SHARED_MEMBER =
            "rule:context_is_admin or (role:reader and (project_id:%(project_id)s or project_id:%(member_id)s))";
    /** {@code ADMIN_OR_SHARED_MEMBER}. */
    private static final String ADMIN_OR_SHARED_MEMBER =
            "rule:context_is_admin or (role:member and project_id:%(member_id)s)";

    public static final Map<String, String> DEFAULTS = Map.of(DEACTIVATE, ADMIN_OR_MEMBER, REACTIVATE, ADMIN_OR_MEMBER,
            ADD_MEMBER, ADMIN_OR_MEMBER, DELETE_MEMBER, ADMIN_OR_MEMBER,
            GET_MEMBER, ADMIN_OR_READER_OR_SHARED_MEMBER, GET_MEMBERS, ADMIN_OR_READER_OR_SHARED_MEMBER,
            MODIFY_MEMBER, ADMIN_OR_SHARED_MEMBER);

    private final PolicyEngine engine;

    public GlanceImagePolicy(PolicyEngine engine) {
        this.engine = engine;
    }

    /** Glance's policy refusal: 403 "You are not authorized to complete deactivate action." */
    public void authorize(String rule, RequestContext caller, String imageOwner) {
        if (!engine.allows(rule, caller, imageOwner)) {
            throw refused(rule);
        }
    }

    /** A member rule on an image the caller sees, with Glance's image target (its owner, its {@code member}). */
    public void authorizeMember(String rule, RequestContext caller, String imageOwner, String imageVisibility) {
        if (!allowsMember(rule, caller, imageOwner, imageVisibility)) {
            throw refused(rule);
        }
    }

    public boolean allowsMember(String rule, RequestContext caller, String imageOwner, String imageVisibility) {
        Map<String, String> target = new HashMap<>();
        target.put("project_id", imageOwner);
        target.put("member_id", ImageVisibility.memberOf(caller, imageOwner, imageVisibility));
        return engine.allows(rule, caller, target);
    }

    private static ApiException refused(String rule) {
        return new ApiException(403, "Forbidden", "You are not authorized to complete " + rule + " action.");
    }
}
