package io.windlass.server;

/** Power actions of {@code POST /servers/{id}/action}, with the task state the API sets while each runs. */
public enum ServerAction {
    START(ServerTaskState.POWERING_ON),
    STOP(ServerTaskState.POWERING_OFF),
    REBOOT_SOFT(ServerTaskState.REBOOTING),
    REBOOT_HARD(ServerTaskState.REBOOTING_HARD),
    PAUSE(ServerTaskState.PAUSING),
    UNPAUSE(ServerTaskState.UNPAUSING);

    private final ServerTaskState taskState;

    ServerAction(ServerTaskState taskState) {
        this.taskState = taskState;
    }

    public ServerTaskState taskState() {
        return taskState;
    }
}
