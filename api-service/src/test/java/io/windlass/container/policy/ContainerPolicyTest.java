package io.windlass.container.policy;

import io.windlass.api.error.PolicyNotAuthorizedException;
import io.windlass.context.RequestContext;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContainerPolicyTest {
    private final ContainerPolicy policy = new ContainerPolicy(io.windlass.policy.PolicyEngine.withDefaults());
    private final RequestContext admin = new RequestContext("r", "r", "root", "ops", List.of("admin", "member"));
    private final RequestContext member = new RequestContext("r", "r", "alice", "team-a", List.of("member"));

    @Test
    void ownersAndAdminsMayActOnContainers() {
        assertTrue(policy.allows("container:stop", member, "team-a"));
        assertFalse(policy.allows("container:stop", member, "team-b"));
        assertTrue(policy.allows("container:stop", admin, "team-b"));
    }

    @Test
    void adminOnlyRulesDenyMembersEvenInTheirOwnProject() {
        for (String rule : List.of(ContainerPolicy.DELETE_FORCE, ContainerPolicy.GET_ALL_ALL_PROJECTS,
                ContainerPolicy.CREATE_IMAGE_PULL_POLICY, ContainerPolicy.CREATE_RUNTIME,
                ContainerPolicy.GET_ONE_FIELD + "host")) {
            assertFalse(policy.allows(rule, member, "team-a"), rule);
            assertTrue(policy.allows(rule, admin, "team-a"), rule);
        }
    }

    @Test
    void privilegedIsDeniedToEverybody() {
        PolicyNotAuthorizedException denied = assertThrows(PolicyNotAuthorizedException.class,
                () -> policy.authorize(ContainerPolicy.CREATE_PRIVILEGED, admin, "ops"));
        assertEquals(403, denied.status());
        assertEquals("Policy doesn't allow container:create:privileged to be performed.", denied.getMessage());
    }

    @Test
    void fieldsWithoutTheirOwnRuleFollowGetOne() {
        assertDoesNotThrow(() -> policy.authorize(ContainerPolicy.GET_ONE_FIELD + "status", member, "team-a"));
        assertFalse(policy.allows(ContainerPolicy.GET_ONE_FIELD + "status", member, "team-b"));
    }

    @Test
    void unknownActionsFailClosed() {
        assertThrows(IllegalArgumentException.class, () -> policy.allows("container:teleport", admin, "ops"));
    }
}
