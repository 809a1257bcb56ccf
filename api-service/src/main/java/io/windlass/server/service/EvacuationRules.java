package io.windlass.server.service;

import io.windlass.api.error.ConflictException;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.server.VmState;
import io.windlass.server.persistence.ServerEntity;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Whether a server may be evacuated, in the order and words of Nova's checks
 * ({@code nova/api/openstack/compute/evacuate.py}, then {@code compute/api.py}'s {@code evacuate}
 * and its {@code @check_instance_state}): the request, the destination, the server's state, and last
 * its host, which must be down. Nova does not check the lock for evacuate (an admin's recovery).
 */
public final class EvacuationRules {
    private static final String METHOD = "evacuate";
    private static final Set<VmState> FROM = EnumSet.of(VmState.ACTIVE, VmState.STOPPED, VmState.ERROR);

    private EvacuationRules() {
    }

    /**
     * @param destinationFound the requested host is a compute host (true when none is requested)
     * @param sourceUp         the server's host heart-beat within the service down time
     * @throws InvalidInputException     a refused request (400)
     * @throws ResourceNotFoundException no such destination (404)
     * @throws ConflictException         a state that forbids it (409)
     */
    public static void require(ServerEntity server, EvacuationRequest request, boolean destinationFound,
                               boolean sourceUp) {
        refuseIf(request.force() && request.host() == null, "Can't force to a non-provided destination");
        refuseIf(request.onSharedStorage() && request.adminPass() != null,
                "admin password can't be changed on existing disk");
        if (!destinationFound) {
            throw new ResourceNotFoundException("ComputeHostNotFound", "Compute host " + request.host()
                    + " not found.");
        }
        // Nova compares even when neither is set: a server that never got a host goes nowhere
        refuseIf(Objects.equals(server.host, request.host()), "The target host can't be the same one.");
        requireState(server);
        refuseIf(sourceUp, "Compute service of " + server.host + " is still in use.");
    }

    /** An idle server, active, stopped or in error, launched once (so on a host); else a 409 naming the state. */
    public static void requireState(ServerEntity server) {
        if (!FROM.contains(server.vmState)) {
            throw ServerActionRules.invalidState(server, METHOD, "vm_state", server.vmState.value());
        }
        if (server.taskState != null) {
            throw ServerActionRules.invalidState(server, METHOD, "task_state", server.taskState.value());
        }
        if (server.launchedAt == null || server.host == null) {
            // Nova's wording when the state it names is None
            throw new ConflictException("InstanceInvalidState", "Instance " + server.uuid
                    + " is in an invalid state for '" + METHOD + "'");
        }
    }

    private static void refuseIf(boolean refused, String message) {
        if (refused) {
            throw InvalidInputException.badRequest(message);
        }
    }
}
