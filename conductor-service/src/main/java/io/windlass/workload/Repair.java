package io.windlass.workload;

/** What the reconciler does to one row in a round. */
public enum Repair {
    NONE,
    /** Its host stopped heart-beating: Unknown until the host reports again (kinds that have the state). */
    MARK_UNKNOWN,
    /** Never got a host within the build timeout: failed. */
    FAIL_UNSCHEDULED,
    /** Placed, but its host never reported it created within the task timeout: failed (the host and claim stay, so a delete cleans the host up). */
    FAIL_NOT_CREATED,
    /** A delete its host never answered: asked again (deletes are idempotent). */
    RESEND_DELETE,
    /** A create its live host has not answered: sent to it again (the agent's create is idempotent). */
    RESEND_CREATE,
    /** An operation nobody reported the end of: its task state is cleared (the host's sync reports the real state). */
    CLEAR_STALE_TASK;

    /** What this repair answers, for meters: the timeout that ran out, or the host that went quiet. */
    public String reason() {
        return switch (this) {
            case NONE -> "none";
            case MARK_UNKNOWN -> "host_silent";
            case FAIL_UNSCHEDULED -> "build_timeout";
            case RESEND_CREATE -> "redrive_after";
            case FAIL_NOT_CREATED, RESEND_DELETE, CLEAR_STALE_TASK -> "task_timeout";
        };
    }

    /** The repair as a tag value: {@code mark_unknown}, {@code resend_create}, ... */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
