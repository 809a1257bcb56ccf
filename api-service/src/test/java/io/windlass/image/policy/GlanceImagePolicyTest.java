package io.windlass.image.policy;

import io.windlass.api.error.ApiException;
import io.windlass.context.RequestContext;
import io.windlass.policy.PolicyEngine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.windlass.image.policy.GlanceImagePolicy.ADD_MEMBER;
import static io.windlass.image.policy.GlanceImagePolicy.DELETE_MEMBER;
import static io.windlass.image.policy.GlanceImagePolicy.GET_MEMBER;
import static io.windlass.image.policy.GlanceImagePolicy.GET_MEMBERS;
import static io.windlass.image.policy.GlanceImagePolicy.MODIFY_MEMBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Glance's default member rules, with its image target ({@code member_id} the caller's project as a member). */
class GlanceImagePolicyTest {
    private final GlanceImagePolicy policy = new GlanceImagePolicy(PolicyEngine.withDefaults());
    private final RequestContext owner = caller("owner", "member");
    private final RequestContext ownerReader = caller("owner", "reader");
    private final RequestContext member = caller("other", "member");
    private final RequestContext memberReader = caller("other", "reader");
    private final RequestContext admin = caller("admin-project", "admin");

    @Test
    void theOwnersProjectAddsAndDeletesMembers() {
        for (String rule : List.of(ADD_MEMBER, DELETE_MEMBER)) {
            assertTrue(policy.allowsMember(rule, owner, "owner", "shared"), rule);
            assertTrue(policy.allowsMember(rule, admin, "owner", "shared"), rule);
            assertFalse(policy.allowsMember(rule, member, "owner", "shared"), rule);
            assertFalse(policy.allowsMember(rule, ownerReader, "owner", "shared"), rule);
        }
    }

    @Test
    void readersOfTheOwnerOrOfAMemberReadMembers() {
        for (String rule : List.of(GET_MEMBER, GET_MEMBERS)) {
            assertTrue(policy.allowsMember(rule, ownerReader, "owner", "shared"), rule);
            assertTrue(policy.allowsMember(rule, owner, "owner", "shared"), rule);
            assertTrue(policy.allowsMember(rule, memberReader, "owner", "shared"), rule);
            assertTrue(policy.allowsMember(rule, admin, "owner", "shared"), rule);
        }
    }

    @Test
    void onlyTheMemberChangesItsStatus() {
        assertTrue(policy.allowsMember(MODIFY_MEMBER, member, "owner", "shared"));
        assertTrue(policy.allowsMember(MODIFY_MEMBER, admin, "owner", "shared"));
        assertFalse(policy.allowsMember(MODIFY_MEMBER, memberReader, "owner", "shared"));
        ApiException e = assertThrows(ApiException.class,
                () -> policy.authorizeMember(MODIFY_MEMBER, owner, "owner", "shared"));
        assertEquals(403, e.status());
        assertEquals("You are not authorized to complete modify_member action.", e.getMessage());
    }

    private static RequestContext caller(String project, String role) {
        return new RequestContext("req-1", "req-1", "user-" + project, project, List.of(role));
    }
}
