package io.windlass.agent.capsule;

import io.windlass.capsule.CapsuleMemberSpec;
import io.windlass.capsule.CapsuleMemberState;
import io.windlass.container.ContainerStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapsuleStatusRuleTest {
    private final CapsuleMemberSpec web = member("a", "capsule-x-web");
    private final CapsuleMemberSpec db = member("b", "capsule-x-db");

    @Test
    void runningWhenAllRun() {
        CapsuleStatusRule.Derived d = CapsuleStatusRule.derive(List.of(web, db),
                List.of(state("a", ContainerStatus.RUNNING, null), state("b", ContainerStatus.RUNNING, null)), "no");
        assertEquals(ContainerStatus.RUNNING, d.status());
        assertNull(d.reason());
    }

    @Test
    void aFailedExitBeyondThePolicyIsAnErrorNamingTheContainer() {
        CapsuleStatusRule.Derived d = CapsuleStatusRule.derive(List.of(web, db),
                List.of(state("a", ContainerStatus.RUNNING, null), state("b", ContainerStatus.STOPPED, 1)), "no");
        assertEquals(ContainerStatus.ERROR, d.status());
        assertTrue(d.reason().contains("capsule-x-db"), d.reason());
    }

    @Test
    void stoppedWhenAllStoppedCleanly() {
        CapsuleStatusRule.Derived d = CapsuleStatusRule.derive(List.of(web, db),
                List.of(state("a", ContainerStatus.STOPPED, 0), state("b", ContainerStatus.STOPPED, 0)), "on-failure");
        assertEquals(ContainerStatus.STOPPED, d.status());
    }

    @Test
    void aMissingMemberIsAnError() {
        CapsuleStatusRule.Derived d = CapsuleStatusRule.derive(List.of(web, db),
                List.of(state("a", ContainerStatus.RUNNING, null)), "always");
        assertEquals(ContainerStatus.ERROR, d.status());
        assertTrue(d.reason().contains("capsule-x-db"));
    }

    private static CapsuleMemberSpec member(String uuid, String name) {
        return new CapsuleMemberSpec(uuid, name, null, "busybox", List.of(), Map.of(), null, 0, 0, List.of(),
                List.of());
    }

    private static CapsuleMemberState state(String uuid, ContainerStatus status, Integer exit) {
        return new CapsuleMemberState(uuid, status, null, "engine-" + uuid, exit);
    }
}
