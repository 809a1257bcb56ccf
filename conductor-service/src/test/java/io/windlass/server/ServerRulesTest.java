package io.windlass.server;

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
