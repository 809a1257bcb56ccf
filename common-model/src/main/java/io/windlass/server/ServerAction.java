package io.windlass.server;

import java.util.EnumSet;
import java.util.Set;

/**
 * The server actions of {@code POST /servers/{id}/action} that reach the host, each declared once:
 * Nova's method name (in 409 messages and failure reasons), the task state the API sets while it
 * runs, and the vm_states it may start from ({@code @check_instance_state} in
 * {@code nova/compute/api.py}; every action also needs the server idle and placed on a host).
 */
public enum ServerAction {
    START("start", ServerTaskState.POWERING_ON, EnumSet.of(VmState.STOPPED)),
    STOP("stop", ServerTaskState.POWERING_OFF, EnumSet.of(VmState.ACTIVE, VmState.ERROR)),
    REBOOT_SOFT("reboot", ServerTaskState.REBOOTING, EnumSet.of(VmState.ACTIVE)),
    REBOOT_HARD("reboot", ServerTaskState.REBOOTING_HARD, EnumSet.of(VmState.ACTIVE, VmState.STOPPED,
            VmState.PAUSED, VmState.SUSPENDED, VmState.ERROR)),
    PAUSE("pause", ServerTaskState.PAUSING, EnumSet.of(VmState.ACTIVE)),
    UNPAUSE("unpause", ServerTaskState.UNPAUSING, EnumSet.of(VmState.PAUSED));

    private final String method;
    private final ServerTaskState taskState;
    private final Set<VmState> from;

    ServerAction(String method, ServerTaskState taskState, Set<VmState> from) {
        this.method = method;
        this.taskState = taskState;
        this.from = from;
    }

    /** Nova's method name: "Cannot 'reboot' instance ...", "Failed to reboot server: ...". */
    public String method() {
        return method;
    }

    public ServerTaskState taskState() {
        return taskState;
    }

    /** Whether a server in {@code vmState} may start this action. */
    public boolean allowedFrom(VmState vmState) {
        return from.contains(vmState);
    }
}
