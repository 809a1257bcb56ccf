package io.windlass.server.service;

import io.windlass.api.error.ConflictException;
import io.windlass.server.ServerAction;
import io.windlass.server.VmState;
import io.windlass.server.persistence.ServerEntity;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

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
        require(server, action.method(), action::allowedFrom);
    }

    /**
     * The same rule for an action that is no {@link ServerAction} (rebuild, resize, confirmResize ...).
     *
     * @param method Nova's method name, as the 409 names it
     * @param from   the vm_states it may start from
     */
    static void require(ServerEntity server, String method, Predicate<VmState> from) {
        if (server.taskState != null) {
            throw invalidState(server, method, "task_state", server.taskState.value());
        }
        if (!from.test(server.vmState) || server.host == null) {
            throw invalidState(server, method, "vm_state", server.vmState.value());
        }
    }

    /** Nova's {@code raise_http_conflict_for_instance_invalid_state}, for any action's {@code method}. */
    static ConflictException invalidState(ServerEntity server, String method, String attribute, String state) {
        return new ConflictException("InstanceInvalidState", "Cannot '" + method + "' instance " + server.uuid
                + " while it is in " + attribute + " " + state);
    }
}
