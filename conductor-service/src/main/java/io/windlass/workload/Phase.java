package io.windlass.workload;

/**
 * Where a workload is in the one lifecycle every kind shares; each kind maps its own states
 * (Zun's status, Nova's vm_state and task_state) onto it in its {@link WorkloadRules}.
 */
public enum Phase {
    /** Accepted, waiting for a host. */
    SCHEDULING,
    /** Placed on a host, which is creating it. */
    CREATING,
    /** Created; running or not, as its host reports. */
    LIVE,
    /** Its host was asked to remove it; the row goes when the host says it is gone. */
    DELETING,
    /** Failed; stays until the user deletes it. */
    FAILED,
    /** Its host stopped reporting; the host's next report says what it is. */
    UNKNOWN;

    /** Phases a workload leaves by itself (the reconciler watches them for a stuck workflow). */
    public boolean inFlight() {
        return this == SCHEDULING || this == CREATING || this == DELETING;
    }
}
