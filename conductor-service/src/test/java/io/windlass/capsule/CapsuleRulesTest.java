package io.windlass.capsule;

import io.windlass.capsule.persistence.CapsuleEntity;
import io.windlass.container.ContainerStatus;
import io.windlass.container.TaskState;
import io.windlass.workload.Phase;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapsuleRulesTest {
    private final CapsuleRules rules = new CapsuleRules();

    private static CapsuleEntity capsule(ContainerStatus status, String host) {
        CapsuleEntity c = new CapsuleEntity();
        c.uuid = UUID.randomUUID();
        c.status = status;
        c.host = host;
        return c;
    }

    private static CapsuleStatusReport report(ContainerStatus status, String reason, boolean gone, boolean done) {
        return new CapsuleStatusReport(UUID.randomUUID().toString(), "node-1", status, reason, List.of(), Map.of(),
                gone, done, Instant.now());
    }

    @Test
    void zunStatusesMapOntoTheLifecycle() {
        assertEquals(Phase.SCHEDULING, rules.state(capsule(ContainerStatus.CREATING, null)).phase());
        assertEquals(Phase.CREATING, rules.state(capsule(ContainerStatus.CREATING, "node-1")).phase());
        assertEquals(Phase.LIVE, rules.state(capsule(ContainerStatus.RUNNING, "node-1")).phase());
        assertEquals(Phase.DELETING, rules.state(capsule(ContainerStatus.DELETING, "node-1")).phase());
        assertEquals(Phase.FAILED, rules.state(capsule(ContainerStatus.ERROR, null)).phase());
        assertEquals(Phase.UNKNOWN, rules.state(capsule(ContainerStatus.UNKNOWN, "node-1")).phase());
    }

    @Test
    void onlyAFailedCreateLeavesNothingOnTheHost() {
        assertTrue(rules.leftNothing(capsule(ContainerStatus.CREATING, "node-1"),
                report(ContainerStatus.ERROR, "Init container init exited with code 1.", false, true)));
        assertFalse(rules.leftNothing(capsule(ContainerStatus.RUNNING, "node-1"),
                report(ContainerStatus.ERROR, "1 of the capsule's 2 containers is missing on the host.", false, false)),
                "a running capsule whose member died keeps its sandbox");
        assertFalse(rules.leftNothing(capsule(ContainerStatus.CREATING, "node-1"),
                report(ContainerStatus.RUNNING, null, false, true)));
    }

    @Test
    void aLostCapsuleFailsButKeepsTheFirstReasonAndLeavesItsHost() {
        CapsuleEntity failed = capsule(ContainerStatus.ERROR, "node-1");
        failed.statusReason = "Init container init exited with code 1.";
        rules.lost(failed, report(ContainerStatus.DELETED, null, true, false));
        rules.nothingLeftOnHost(failed);
        assertEquals("Init container init exited with code 1.", failed.statusReason);
        assertNull(failed.host);

        CapsuleEntity running = capsule(ContainerStatus.RUNNING, "node-1");
        running.taskState = TaskState.CONTAINER_DELETING;
        rules.lost(running, report(ContainerStatus.DELETED, null, true, false));
        assertEquals(ContainerStatus.ERROR, running.status);
        assertEquals("The capsule's containers are gone from node-1", running.statusReason);
    }
}
