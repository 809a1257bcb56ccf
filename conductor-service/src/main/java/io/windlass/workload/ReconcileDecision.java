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
     */
    public static Repair decide(RowState row, Instant now, boolean hostSilent, boolean showsUnknown,
                                Duration buildTimeout, Duration taskTimeout) {
        Instant lastChange = row.updatedAt() != null ? row.updatedAt() : row.createdAt();
        boolean taskStale = lastChange.isBefore(now.minus(taskTimeout));
        switch (row.phase()) {
            case SCHEDULING:
                return row.createdAt().isBefore(now.minus(buildTimeout)) ? Repair.FAIL_UNSCHEDULED : Repair.NONE;
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
        if (row.phase() == Phase.CREATING) {
            return taskStale ? Repair.FAIL_NOT_CREATED : Repair.NONE;
        }
        return row.busy() && taskStale ? Repair.CLEAR_STALE_TASK : Repair.NONE;
    }
}
