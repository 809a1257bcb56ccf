package io.windlass.container;

/**
 * What a user can ask of a container; the columns of {@link ContainerTransitions}.
 * {@link #taskState()} is what the API writes while the action is under way.
 */
public enum ContainerAction {
    START("start", TaskState.CONTAINER_STARTING),
    STOP("stop", TaskState.CONTAINER_STOPPING),
    PAUSE("pause", TaskState.CONTAINER_PAUSING),
    UNPAUSE("unpause", TaskState.CONTAINER_UNPAUSING),
    REBOOT("reboot", TaskState.CONTAINER_REBOOTING),
    REBUILD("rebuild", TaskState.CONTAINER_REBUILDING),
    KILL("kill", TaskState.CONTAINER_KILLING),
    UPDATE("update", null),
    RESIZE("resize", null),
    DELETE("delete", TaskState.CONTAINER_DELETING),
    DELETE_AFTER_STOP("delete", TaskState.CONTAINER_DELETING),
    DELETE_FORCE("delete", TaskState.CONTAINER_DELETING),
    STATS("stats", null),
    LOGS("logs", null),
    EXECUTE("execute", null),
    EXECUTE_RESIZE("execute_resize", null),
    ATTACH("attach", null),
    /** Zun's {@code resize}: the attached terminal's size (not {@link #RESIZE}, the container's limits). */
    RESIZE_TTY("resize", null),
    TOP("top", null),
    COMMIT("commit", null),
    GET_ARCHIVE("get_archive", null),
    PUT_ARCHIVE("put_archive", null),
    NETWORK_ATTACH("network_attach", TaskState.NETWORK_ATTACHING),
    NETWORK_DETACH("network_detach", TaskState.NETWORK_DETACHING),
    /** The ports' groups change in the api-service's transaction: no task runs on the host. */
    ADD_SECURITY_GROUP("add_security_group", null),
    REMOVE_SECURITY_GROUP("remove_security_group", null);

    private final String verb;
    private final TaskState taskState;

    ContainerAction(String verb, TaskState taskState) {
        this.verb = verb;
        this.taskState = taskState;
    }

    /** The verb in Zun's 409 message: "Cannot &lt;verb&gt; container ...". */
    public String verb() {
        return verb;
    }

    public TaskState taskState() {
        return taskState;
    }
}
