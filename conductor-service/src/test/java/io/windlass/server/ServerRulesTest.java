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

    /** What the agent sends for a spawn that failed and removed what it made. */
    private static ServerStatusReport failed(String fault) {
        return new ServerStatusReport(UUID.randomUUID().toString(), "node-1", PowerState.NOSTATE, null, Map.of(), fault,
                false, true, Instant.now());
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
        ServerStatusReport fault = failed("Image nope:latest is not present on host h");
        assertTrue(rules.leftNothing(building, fault));
        assertFalse(rules.leftNothing(building, report(PowerState.SHUTDOWN, "Failed to power on server", true)),
                "a spawn whose start failed left its container, and keeps its claim");
        rules.applyObserved(building, fault);
        assertEquals(VmState.ERROR, building.vmState);
        assertEquals("Image nope:latest is not present on host h", building.fault.get("message"));

        ServerEntity active = server(VmState.ACTIVE, ServerTaskState.REBOOTING, "h");
        assertFalse(rules.leftNothing(active, report(PowerState.RUNNING, "Failed to reboot server", true)));
    }

    @Test
    void anEvacuatedServerIsSpawnedAgainOnItsNewHostAndEndsAsNovasRebuildLeavesIt() {
        assertEquals(VmState.ACTIVE, ServerRules.evacuatedState(VmState.ACTIVE, false));
        assertEquals(VmState.STOPPED, ServerRules.evacuatedState(VmState.STOPPED, false), "a stopped server stays so");
        assertEquals(VmState.ACTIVE, ServerRules.evacuatedState(VmState.ERROR, false));
        assertEquals(VmState.STOPPED, ServerRules.evacuatedState(VmState.ACTIVE, true), "2.95");
        assertEquals(VmState.ACTIVE, ServerRules.evacuatedState(VmState.ERROR, true), "2.95: not a failed one");

        ServerEntity s = server(VmState.STOPPED, ServerTaskState.REBUILDING, "down");
        s.metadata = Map.of("role", "db");
        s.engineId = "old-engine";
        s.statusObservedAt = Instant.now();
        s.powerState = PowerState.SHUTDOWN;
        rules.evacuated(s, "spare", "nova", VmState.STOPPED);
        assertEquals("spare", s.host);
        assertEquals(ServerTaskState.REBUILD_SPAWNING, s.taskState);
        assertEquals(Phase.CREATING, rules.state(s).phase(), "re-driven and timed out as a spawn");
        assertNull(s.engineId);
        assertNull(s.statusObservedAt, "the old host's clock is not the new one's");
        ServerSpec spec = rules.spec(s);
        assertEquals(s.uuid.toString(), spec.uuid());
        assertEquals(Map.of("role", "db"), spec.metadata());
        assertTrue(spec.stopped());
        assertFalse(rules.spec(server(VmState.BUILDING, ServerTaskState.SPAWNING, "h")).stopped());

        rules.applyObserved(s, report(PowerState.SHUTDOWN, null, true));
        assertEquals(VmState.STOPPED, s.vmState);

        ServerEntity failed = server(VmState.ACTIVE, ServerTaskState.REBUILD_SPAWNING, "spare");
        ServerStatusReport fault = failed("Failed to spawn server on host spare: no room");
        assertTrue(rules.leftNothing(failed, fault), "the claim on the new host goes");
        rules.applyObserved(failed, fault);
        assertEquals(VmState.ERROR, failed.vmState);
    }

    @Test
    void anEvacuationThatCannotStartLeavesTheServerAsItWasWithTheReason() {
        ServerEntity s = server(VmState.ACTIVE, ServerTaskState.REBUILDING, "down");
        rules.evacuationFailed(s, "No valid host was found. There are not enough hosts available.");
        assertEquals(VmState.ACTIVE, s.vmState);
        assertEquals("down", s.host);
        assertNull(s.taskState);
        assertEquals(500, s.fault.get("code"));
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
