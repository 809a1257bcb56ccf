package io.windlass.server;

import java.util.EnumSet;
import java.util.Set;

/**
 * The server actions of {@code POST /servers/{id}/action} that reach the host, each declared once:
 * its key in the request body, Nova's method name (in 409 messages and failure reasons), the task
 * state the API sets while it runs, and the vm_states it may start from
 * ({@code @check_instance_state} in {@code nova/compute/api.py}; every action also needs the
 * server idle and placed on a host).
 */
public enum ServerAction {
    START("os-start", "start", ServerTaskState.POWERING_ON, EnumSet.of(VmState.STOPPED)),
    /** From RESCUED too, as Nova's: the rescue ends and the server is off (its host removes the rescue system). */
    STOP("os-stop", "stop", ServerTaskState.POWERING_OFF, EnumSet.of(VmState.ACTIVE, VmState.RESCUED, VmState.ERROR)),
    /** {@code {"reboot": {"type": "SOFT"}}}. */
    REBOOT_SOFT("reboot", "reboot", ServerTaskState.REBOOTING, EnumSet.of(VmState.ACTIVE)),
    /** {@code {"reboot": {"type": "HARD"}}}. */
    REBOOT_HARD("reboot", "reboot", ServerTaskState.REBOOTING_HARD, EnumSet.of(VmState.ACTIVE, VmState.STOPPED,
            VmState.PAUSED, VmState.SUSPENDED, VmState.ERROR)),
    PAUSE("pause", "pause", ServerTaskState.PAUSING, EnumSet.of(VmState.ACTIVE)),
    UNPAUSE("unpause", "unpause", ServerTaskState.UNPAUSING, EnumSet.of(VmState.PAUSED)),
    /**
     * The guest frozen as {@link #PAUSE} freezes it, shown as suspended. Suspend and resume travel as
     * RPC methods of their own ({@code suspend_server}, {@code resume_server}), never inside
     * {@code server_action}, so an older service never meets a value it cannot read.
     */
    SUSPEND("suspend", "suspend", ServerTaskState.SUSPENDING, EnumSet.of(VmState.ACTIVE)),
    RESUME("resume", "resume", ServerTaskState.RESUMING, EnumSet.of(VmState.SUSPENDED));

    private final String requestKey;
    private final String method;
    private final ServerTaskState taskState;
    private final Set<VmState> from;

    ServerAction(String requestKey, String method, ServerTaskState taskState, Set<VmState> from) {
        this.requestKey = requestKey;
        this.method = method;
        this.taskState = taskState;
        this.from = from;
    }

    /**
     * The action a validated action body asks for.
     *
     * @param key        the body's one key ({@code os-stop}, ...)
     * @param rebootType for {@code reboot}: {@code SOFT} or {@code HARD}, in any case
     */
    public static ServerAction requested(String key, String rebootType) {
        if (key.equals(REBOOT_SOFT.requestKey)) {
            return rebootType.equalsIgnoreCase("SOFT") ? REBOOT_SOFT : REBOOT_HARD;
        }
        for (ServerAction action : values()) {
            if (action.requestKey.equals(key)) {
                return action;
            }
        }
        throw new IllegalArgumentException("no server action " + key);
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
