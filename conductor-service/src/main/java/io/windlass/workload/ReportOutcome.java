package io.windlass.workload;

/** What applying one agent report does to its row. */
public enum ReportOutcome {
    /** No such row (deleted meanwhile): nothing to do. */
    IGNORED_NO_ROW,
    /** The row names another host, and the reporting one holds the workload no more: nothing to do. */
    IGNORED_OTHER_HOST,
    /** The row names another host (the workload was evacuated): the row stays; the reporting host removes its copy. */
    LEFTOVER_ON_OTHER_HOST,
    /**
     * From the host a server moved away from, which keeps its stopped copy until the move is confirmed
     * or reverted: that copy is not the server, and stays.
     */
    IGNORED_KEPT_COPY,
    /** Older than what was applied; changes nothing. */
    IGNORED_STALE,
    /** A delete is running: only its own end changes the row. */
    IGNORED_WHILE_DELETING,
    /**
     * Gone, seen by an engine event or a sync while the create has not reported its end: the create's
     * own report decides (a failed create removes what it made, so its events say gone first, and
     * the conductor's workers may apply the two in either order).
     */
    IGNORED_WHILE_CREATING,
    /** The old engine workload's removal while its host replaces it (a rebuild): the host's own report ends it. */
    IGNORED_WHILE_REPLACING,
    /** Older than what was applied, but it ends the running operation: only the task state is cleared. */
    TASK_CLEARED,
    /** The observed state is written. */
    APPLIED,
    /** The observed state is written, and the operation failed leaving nothing on the host: the claim goes. */
    APPLIED_NOTHING_LEFT,
    /** Removed on purpose: the row and the claim go. */
    DELETED,
    /** The engine lost it: the row fails and the claim goes. */
    LOST,
    /**
     * The engine lost it and the row heals (Zun's {@code auto_heal}): it is creating again on the same
     * host, with its claim and ports, and the host is sent its create once the change has committed.
     */
    HEALED;

    /** Whether the host's resources are released once the row change has committed. */
    public boolean releasesClaim() {
        return this == APPLIED_NOTHING_LEFT || this == DELETED || this == LOST;
    }

    /** Whether the reporting host is told to remove what it holds once the decision has committed. */
    public boolean removesLeftover() {
        return this == LEFTOVER_ON_OTHER_HOST;
    }

    /** For the {@code windlass.conductor.reports} counter. */
    public boolean applied() {
        return this != IGNORED_NO_ROW && this != IGNORED_OTHER_HOST && this != LEFTOVER_ON_OTHER_HOST
                && this != IGNORED_KEPT_COPY
                && this != IGNORED_STALE && this != IGNORED_WHILE_DELETING && this != IGNORED_WHILE_CREATING
                && this != IGNORED_WHILE_REPLACING;
    }
}
