package io.windlass.server;

import io.windlass.server.persistence.ServerEntity;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ServerRulesTest {
    @Test
    void aFrozenGuestIsPausedOrSuspendedByTheActionThatFrozeIt() {
        assertEquals(VmState.PAUSED, ServerRules.vmStateFor(PowerState.PAUSED, VmState.ACTIVE, ServerTaskState.PAUSING));
        assertEquals(VmState.SUSPENDED,
                ServerRules.vmStateFor(PowerState.PAUSED, VmState.ACTIVE, ServerTaskState.SUSPENDING));
        // a later sync, or a resume that failed, leaves it suspended
        assertEquals(VmState.SUSPENDED, ServerRules.vmStateFor(PowerState.PAUSED, VmState.SUSPENDED, null));
        assertEquals(VmState.SUSPENDED,
                ServerRules.vmStateFor(PowerState.PAUSED, VmState.SUSPENDED, ServerTaskState.RESUMING));
        assertEquals(VmState.ACTIVE,
                ServerRules.vmStateFor(PowerState.RUNNING, VmState.SUSPENDED, ServerTaskState.RESUMING));
        assertEquals(VmState.PAUSED, ServerRules.vmStateFor(PowerState.PAUSED, VmState.PAUSED, null));
    }

    @Test
    void aResizedServerStaysResizedWhateverTheGuestDoesUntilConfirmedOrReverted() {
        assertEquals(VmState.RESIZED, ServerRules.vmStateFor(PowerState.RUNNING, VmState.RESIZED, null));
        assertEquals(VmState.RESIZED, ServerRules.vmStateFor(PowerState.SHUTDOWN, VmState.RESIZED, null));
    }

    @Test
    void aMovedServerRunsOnItsNewHostFromItsImageWhileItsSourceKeepsItsCopyAndARevertTakesItBack() {
        ServerRules rules = new ServerRules(null, null);
        ServerEntity s = new ServerEntity();
        s.uuid = java.util.UUID.randomUUID();
        s.name = "srv";
        s.image = "busybox:latest";
        s.vmState = VmState.ACTIVE;
        s.powerState = PowerState.SHUTDOWN;
        s.host = "node-0";
        s.engineId = "e0";
        s.statusObservedAt = java.time.Instant.now();
        s.flavorId = "1";
        s.flavorName = "m1.small";
        s.vcpus = 1;
        s.memoryMb = 128;
        s.rootGb = 1;
        s.flavorExtraSpecs = java.util.Map.of();
        s.migrationSource = "node-0";
        s.migrationImageId = java.util.UUID.randomUUID();

        rules.moved(s, "node-1", "nova", new FlavorSnapshot("2", "m1.medium", 2, 256, 2, 0, 0, java.util.Map.of()));
        assertEquals("node-1", s.host);
        assertEquals(ServerTaskState.RESIZE_FINISH, s.taskState);
        assertEquals("m1.medium", s.flavorName);
        assertEquals("m1.small", s.oldFlavor.name(), "kept for a revert");
        assertNull(s.engineId);
        assertNull(s.statusObservedAt, "the old host's clock is not the new one's");
        var state = rules.state(s);
        assertEquals(io.windlass.workload.Phase.CREATING, state.phase(), "re-driven and timed out as a spawn");
        assertEquals("node-0", state.keptOn());
        assertEquals(io.windlass.image.persistence.ImageEntity.referenceOf(s.migrationImageId), rules.spec(s).image(),
                "spawned from the image its disk travelled in");
        assertEquals(false, rules.spec(s).stopped(), "it ran, so it runs there");

        rules.movedBack(s, "node-0", "nova", true);
        assertEquals("node-0", s.host);
        assertEquals("m1.small", s.flavorName);
        assertNull(s.oldFlavor);
        assertNull(s.migrationSource);
        assertNull(rules.state(s).keptOn());
        assertEquals(VmState.ACTIVE, s.vmState);
        assertEquals(ServerTaskState.POWERING_ON, s.taskState, "its copy there runs again");
        assertEquals("busybox:latest", rules.spec(s).image());
    }

    @Test
    void aRescuedServerIsRescuedOnceItsRescueSystemRunsAndStaysSoUntilUnrescued() {
        assertEquals(VmState.RESCUED, ServerRules.vmStateFor(PowerState.RUNNING, VmState.STOPPED,
                ServerTaskState.RESCUING));
        // the guest frozen on the way is no pause
        assertEquals(VmState.STOPPED, ServerRules.vmStateFor(PowerState.SHUTDOWN, VmState.STOPPED,
                ServerTaskState.RESCUING));
        assertEquals(VmState.RESCUED, ServerRules.vmStateFor(PowerState.SHUTDOWN, VmState.RESCUED, null));
        assertEquals(VmState.RESCUED, ServerRules.vmStateFor(PowerState.PAUSED, VmState.RESCUED, null));
        assertEquals(VmState.ACTIVE, ServerRules.vmStateFor(PowerState.RUNNING, VmState.RESCUED,
                ServerTaskState.UNRESCUING));
        assertNull(ServerRules.vmStateFor(PowerState.NOSTATE, VmState.RESCUED, null));
        // a stop ends the rescue
        assertEquals(VmState.STOPPED, ServerRules.vmStateFor(PowerState.SHUTDOWN, VmState.RESCUED,
                ServerTaskState.POWERING_OFF));
    }

    @Test
    void whatTheHostSaysOfARescueDecidesWhateverTheTaskState() {
        // a rescue the reconciler gave up on (task cleared) that the host finished after all
        assertEquals(VmState.RESCUED, ServerRules.vmStateFor(PowerState.RUNNING, VmState.ACTIVE, null, true));
        assertEquals(VmState.RESCUED, ServerRules.vmStateFor(PowerState.SHUTDOWN, VmState.RESCUED, null, true));
        // an unrescue or stop likewise: no rescue system, the guest's own state
        assertEquals(VmState.ACTIVE, ServerRules.vmStateFor(PowerState.RUNNING, VmState.RESCUED, null, false));
        assertEquals(VmState.STOPPED, ServerRules.vmStateFor(PowerState.SHUTDOWN, VmState.RESCUED, null, false));
        // no rescue system yet: a rescue under way is not done by the guest's start
        assertEquals(VmState.ACTIVE, ServerRules.vmStateFor(PowerState.RUNNING, VmState.ACTIVE,
                ServerTaskState.RESCUING, false));
        assertEquals(VmState.SHELVED, ServerRules.vmStateFor(PowerState.SHUTDOWN, VmState.SHELVED, null, false));
        assertNull(ServerRules.vmStateFor(PowerState.NOSTATE, VmState.RESCUED, null, false));
    }

    @Test
    void aSuspendedServersFrozenGuestShowsNovasSuspendedPowerState() {
        assertEquals(PowerState.SUSPENDED, ServerRules.shownPower(PowerState.PAUSED, VmState.ACTIVE,
                ServerTaskState.SUSPENDING));
        assertEquals(PowerState.SUSPENDED, ServerRules.shownPower(PowerState.PAUSED, VmState.SUSPENDED, null));
        assertEquals(PowerState.PAUSED, ServerRules.shownPower(PowerState.PAUSED, VmState.PAUSED, null));
        assertEquals(PowerState.RUNNING, ServerRules.shownPower(PowerState.RUNNING, VmState.SUSPENDED,
                ServerTaskState.RESUMING));
    }
}
