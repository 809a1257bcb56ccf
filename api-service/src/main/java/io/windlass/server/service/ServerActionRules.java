package io.windlass.server.service;

import io.windlass.api.error.ConflictException;
import io.windlass.server.ServerAction;
import io.windlass.server.VmState;
import io.windlass.server.persistence.ServerEntity;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Which vm_states each power action may start from ({@code @check_instance_state} in
 * {@code nova/compute/api.py}), as one table; every action also needs the server idle (no
 * task_state) and placed on a host.
 */
public final class ServerActionRules {
    private static final Map<ServerAction, Set<VmState>> ALLOWED = new EnumMap<>(ServerAction.class);

    static {
        ALLOWED.put(ServerAction.START, Set.of(VmState.STOPPED));
        ALLOWED.put(ServerAction.STOP, Set.of(VmState.ACTIVE, VmState.ERROR));
        ALLOWED.put(ServerAction.REBOOT_SOFT, Set.of(VmState.ACTIVE));
        ALLOWED.put(ServerAction.REBOOT_HARD, Set.of(VmState.ACTIVE, VmState.STOPPED, VmState.PAUSED,
                VmState.SUSPENDED, VmState.ERROR));
        ALLOWED.put(ServerAction.PAUSE, Set.of(VmState.ACTIVE));
        ALLOWED.put(ServerAction.UNPAUSE, Set.of(VmState.PAUSED));
    }

    private ServerActionRules() {
    }

    /** Nova's method name in the 409 message. */
    public static String method(ServerAction action) {
        return switch (action) {
            case START -> "start";
            case STOP -> "stop";
            case REBOOT_SOFT, REBOOT_HARD -> "reboot";
            case PAUSE -> "pause";
            case UNPAUSE -> "unpause";
        };
    }

    /** @throws ConflictException Nova's InstanceInvalidState, naming the state that forbids the action */
    public static void require(ServerEntity server, ServerAction action) {
        if (server.taskState != null) {
            throw invalidState(server, action, "task_state", server.taskState.value());
        }
        if (!ALLOWED.get(action).contains(server.vmState) || server.host == null) {
            throw invalidState(server, action, "vm_state", server.vmState.value());
        }
    }

    private static ConflictException invalidState(ServerEntity server, ServerAction action, String attribute,
                                                  String state) {
        return new ConflictException("InstanceInvalidState", "Cannot '" + method(action) + "' instance "
                + server.uuid + " while it is in " + attribute + " " + state);
    }
}
