package io.windlass.server.service;

import io.windlass.api.error.ApiException;
import io.windlass.api.error.ConflictException;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.server.ServerTaskState;
import io.windlass.server.VmState;
import io.windlass.server.persistence.ServerEntity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Nova's evacuate refusals, their order and their words. */
class EvacuationRulesTest {
    private static final EvacuationRequest ANYWHERE = new EvacuationRequest(null, false, false, null, false, false);

    private static ServerEntity server(VmState vm, ServerTaskState task) {
        ServerEntity s = new ServerEntity();
        s.uuid = UUID.fromString("00000000-0000-0000-0000-00000000000a");
        s.vmState = vm;
        s.taskState = task;
        s.host = "down";
        s.launchedAt = Instant.parse("2026-12-04T10:00:00Z");
        return s;
    }

    @Test
    void anIdleServerOfADownHostMayGoAnywhereButWhereItIs() {
        for (VmState from : new VmState[] {VmState.ACTIVE, VmState.STOPPED, VmState.ERROR}) {
            EvacuationRules.require(server(from, null), ANYWHERE, true, false);
            EvacuationRules.require(server(from, null), new EvacuationRequest("spare", true, false, null, false, false),
                    true, false);
        }
        assertEquals("The target host can't be the same one.", refusal(InvalidInputException.class,
                server(VmState.ACTIVE, null), new EvacuationRequest("down", false, false, null, false, false), true,
                false));
        ServerEntity neverPlaced = server(VmState.ERROR, null);
        neverPlaced.host = null;
        assertEquals("The target host can't be the same one.", refusal(InvalidInputException.class, neverPlaced,
                ANYWHERE, true, false), "Nova compares None with None");
    }

    @Test
    void theSourceHostMustBeDownAndIsCheckedLast() {
        assertEquals("Compute service of down is still in use.", refusal(InvalidInputException.class,
                server(VmState.ACTIVE, null), ANYWHERE, true, true));
        assertEquals("Cannot 'evacuate' instance 00000000-0000-0000-0000-00000000000a while it is in vm_state paused",
                refusal(ConflictException.class, server(VmState.PAUSED, null), ANYWHERE, true, true));
    }

    @Test
    void stateRefusalsAreConflictsNamingTheState() {
        assertEquals("Cannot 'evacuate' instance 00000000-0000-0000-0000-00000000000a while it is in task_state "
                + "powering-off", refusal(ConflictException.class, server(VmState.ACTIVE, ServerTaskState.POWERING_OFF),
                ANYWHERE, true, false));
        assertEquals("Cannot 'evacuate' instance 00000000-0000-0000-0000-00000000000a while it is in vm_state "
                + "building", refusal(ConflictException.class, server(VmState.BUILDING, ServerTaskState.SPAWNING),
                ANYWHERE, true, false), "the vm_state first, as @check_instance_state");
        ServerEntity neverLaunched = server(VmState.ERROR, null);
        neverLaunched.launchedAt = null;
        assertEquals("Instance 00000000-0000-0000-0000-00000000000a is in an invalid state for 'evacuate'",
                refusal(ConflictException.class, neverLaunched, ANYWHERE, true, false));
    }

    @Test
    void theRequestAndTheDestinationAreCheckedFirst() {
        ServerEntity paused = server(VmState.PAUSED, null);
        assertEquals("Can't force to a non-provided destination", refusal(InvalidInputException.class, paused,
                new EvacuationRequest(null, true, false, null, false, false), true, true));
        assertEquals("admin password can't be changed on existing disk", refusal(InvalidInputException.class, paused,
                new EvacuationRequest(null, false, true, "pw", true, false), true, true));
        assertEquals("Compute host nowhere not found.", refusal(ResourceNotFoundException.class, paused,
                new EvacuationRequest("nowhere", false, false, null, false, false), false, true));
    }

    private static String refusal(Class<? extends ApiException> type, ServerEntity server, EvacuationRequest request,
                                  boolean destinationFound, boolean sourceUp) {
        return assertThrows(type, () -> EvacuationRules.require(server, request, destinationFound, sourceUp))
                .getMessage();
    }
}
