package io.windlass.server.service;

import io.windlass.api.error.ConflictException;
import io.windlass.server.ServerAction;
import io.windlass.server.VmState;
import io.windlass.server.persistence.ServerEntity;

import java.util.EnumSet;
import java.util.Set;

/**
 * Whether a server may start an action now: idle (no task_state), placed on a host and in a
 * vm_state the action declares ({@link ServerAction#allowedFrom}); else Nova's InstanceInvalidState.
 */
public final class ServerActionRules {

    /**
     * The vm_states in which Nova lets a server's metadata and tags change
     * ({@code update_instance_metadata}, {@code server_tags._check_instance_in_valid_state}).
     */
    static final Set<VmState> DESCRIBABLE = EnumSet.of(VmState.ACTIVE, VmState.PAUSED, VmState.SUSPENDED,
            VmState.STOPPED);

    private ServerActionRules() {
    }

    /** @throws ConflictException Nova's InstanceInvalidState, naming the state that forbids the action */
    public static void require(ServerEntity server, ServerAction action) {
        if (server.taskState != null) {
            throw invalidState(server, action, "task_state", server.taskState.value());
        }
        if (!action.allowedFrom(server.vmState) || server.host == null) {
            throw invalidState(server, action, "vm_state", server.vmState.value());
        }
    }

    private static ConflictException invalidState(ServerEntity server, ServerAction action, String attribute,
                                                  String state) {
        return invalidState(server, action.method(), attribute, state);
    }

    /** Nova's {@code raise_http_conflict_for_instance_invalid_state}, for any action's {@code method}. */
    static ConflictException invalidState(ServerEntity server, String method, String attribute, String state) {
        return new ConflictException("InstanceInvalidState", "Cannot '" + method + "' instance " + server.uuid
                + " while it is in " + attribute + " " + state);
    }
}
