package io.windlass.workload;

import java.time.Duration;
import java.time.Instant;

/**
 * The reconciler's rules for one row, as one pure function: nothing stays in flight for longer
 * than its timeout, and a workload on a silent host shows it.
 */
public final class ReconcileDecision {
    private ReconcileDecision() {
    }

    /**
     * @param hostSilent   the row's host stopped heart-beating ({@code service-down-time})
     * @param showsUnknown the kind has an Unknown state for that (Zun does; Nova shows it through {@code host_status})
     * @param createAsked  when this reconciler last sent the row's create again, or null
     */
    public static Repair decide(RowState row, Instant now, boolean hostSilent, boolean showsUnknown,
                                Instant createAsked, Timeouts timeouts) {
        Duration buildTimeout = timeouts.build();
        Duration taskTimeout = timeouts.task();
        Instant lastChange = row.updatedAt() != null ? row.updatedAt() : row.createdAt();
        boolean taskStale = lastChange.isBefore(now.minus(taskTimeout));
        switch (row.phase()) {
            case SCHEDULING:
                // since it began waiting for a host: its create, or an unshelve long after it
                return lastChange.isBefore(now.minus(buildTimeout)) ? Repair.FAIL_UNSCHEDULED : Repair.NONE;
            case DELETING:
                // a silent host gets the delete again once it is back, not into its queue every round meanwhile
                return taskStale && !hostSilent ? Repair.RESEND_DELETE : Repair.NONE;
            case FAILED:
            case UNKNOWN:
                return row.busy() && taskStale ? Repair.CLEAR_STALE_TASK : Repair.NONE;
            default:
                break;
        }
        if (hostSilent && showsUnknown) {
            return Repair.MARK_UNKNOWN;
        }
        // the host is up but has not answered the create: ask again, once per period
        Instant asked = createAsked != null && createAsked.isAfter(lastChange) ? createAsked : lastChange;
        boolean askAgain = !hostSilent && asked.isBefore(now.minus(timeouts.redrive()));
        if (row.phase() == Phase.CREATING) {
            if (taskStale) {
                return Repair.FAIL_NOT_CREATED;
            }
            return askAgain ? Repair.RESEND_CREATE : Repair.NONE;
        }
        // it runs, but the create's end was never reported (lost with the broker): the host, asked
        // again, finds it made and reports the create done, which ends the task
        if (row.createPending() && row.phase() == Phase.LIVE && !taskStale && askAgain) {
            return Repair.RESEND_CREATE;
        }
        return row.busy() && taskStale ? Repair.CLEAR_STALE_TASK : Repair.NONE;
    }

    /**
     * @param build   a row without a host fails after this
     * @param task    a task nobody reported the end of is stale after this; a create fails
     * @param redrive a create its host has not answered is sent again after this
     */
    public record Timeouts(Duration build, Duration task, Duration redrive) {
    }
}
