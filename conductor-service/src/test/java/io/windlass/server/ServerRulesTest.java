package io.windlass.server;

import io.windlass.server.persistence.ServerEntity;
import io.windlass.workload.Phase;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerRulesTest {
    private final ServerRules rules = new ServerRules();

    private static ServerEntity server(VmState vm, ServerTaskState task, String host) {
        ServerEntity s = new ServerEntity();
        s.uuid = UUID.randomUUID();
        s.vmState = vm;
        s.taskState = task;
        s.host = host;
        return s;
    }

    private static ServerStatusReport report(PowerState power, String fault, boolean done) {
        return new ServerStatusReport(UUID.randomUUID().toString(), "node-1", power, "e1", Map.of(), fault, false,
                done, Instant.now());
    }

    @Test
    void novaStatesMapOntoTheLifecycle() {
        assertEquals(Phase.SCHEDULING, rules.state(server(VmState.BUILDING, ServerTaskState.SCHEDULING, null)).phase());
        assertEquals(Phase.CREATING, rules.state(server(VmState.BUILDING, ServerTaskState.SPAWNING, "h")).phase());
        assertEquals(Phase.DELETING, rules.state(server(VmState.ACTIVE, ServerTaskState.DELETING, "h")).phase());
        assertEquals(Phase.FAILED, rules.state(server(VmState.ERROR, null, "h")).phase());
        assertEquals(Phase.LIVE, rules.state(server(VmState.STOPPED, ServerTaskState.POWERING_ON, "h")).phase());
        ServerEntity deleted = server(VmState.DELETED, null, "h");
        deleted.deletedAt = Instant.now();
        assertNull(rules.state(deleted), "a soft-deleted server is gone for the lifecycle");
    }

    @Test
    void whileAnOperationRunsOnlyItsOwnEndMovesTheVmState() {
        ServerEntity stopping = server(VmState.ACTIVE, ServerTaskState.POWERING_OFF, "h");
        rules.applyObserved(stopping, report(PowerState.SHUTDOWN, null, false));
        assertEquals(VmState.ACTIVE, stopping.vmState);
        assertEquals(PowerState.SHUTDOWN, stopping.powerState);
        rules.applyObserved(stopping, report(PowerState.SHUTDOWN, null, true));
        assertEquals(VmState.STOPPED, stopping.vmState);

        ServerEntity building = server(VmState.BUILDING, ServerTaskState.SPAWNING, "h");
        rules.applyObserved(building, report(PowerState.RUNNING, null, false));
        assertEquals(VmState.ACTIVE, building.vmState, "the first running observation activates a build");
        assertNotNull(building.launchedAt);
    }

    @Test
    void aSpawnFaultFailsTheServerAndLeftNothingOnTheHost() {
        ServerEntity building = server(VmState.BUILDING, ServerTaskState.SPAWNING, "h");
        ServerStatusReport fault = report(PowerState.NOSTATE, "Image nope:latest is not present on host h", true);
        assertTrue(rules.leftNothing(building, fault));
        rules.applyObserved(building, fault);
        assertEquals(VmState.ERROR, building.vmState);
        assertEquals("Image nope:latest is not present on host h", building.fault.get("message"));

        ServerEntity active = server(VmState.ACTIVE, ServerTaskState.REBOOTING, "h");
        assertFalse(rules.leftNothing(active, report(PowerState.RUNNING, "Failed to reboot server", true)));
    }

    @Test
    void theFirstFaultIsKept() {
        ServerEntity s = server(VmState.BUILDING, null, "h");
        rules.fail(s, "No valid host was found. ");
        rules.lost(s, report(PowerState.NOSTATE, null, false));
        assertEquals("No valid host was found. ", s.fault.get("message"));
        assertEquals(VmState.ERROR, s.vmState);
    }
}
