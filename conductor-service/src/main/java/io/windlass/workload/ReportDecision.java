package io.windlass.workload;


/**
 * The rules every kind's reports follow, as one pure function (row state + report → outcome):
 * only the host the row names speaks for the workload, and what another host still holds is a
 * leftover to remove; the newest observation wins; a report overtaken by a newer one still ends
 * the operation it closes; while a delete runs only its own end counts; gone means deleted when a
 * delete was asked for (or the row goes with its engine workload), lost otherwise, unless the row
 * heals: then its host makes it again.
 */
public final class ReportDecision {
    private ReportDecision() {
    }

    /**
     * @param row         the row's state, or null when there is no (live) row
     * @param leftNothing the kind's rules judge that the report ends a failed operation which
     *                    left nothing on the host (a failed create cleans up after itself)
     */
    public static ReportOutcome decide(RowState row, WorkloadReport report, boolean leftNothing) {
        if (row == null) {
            return ReportOutcome.IGNORED_NO_ROW;
        }
        if (report.host() != null && report.host().equals(row.keptOn()) && !report.host().equals(row.host())) {
            // the host a server moved from keeps its stopped copy until the move is confirmed or reverted
            return ReportOutcome.IGNORED_KEPT_COPY;
        }
        if (row.host() != null && report.host() != null && !row.host().equals(report.host())) {
            // the workload moved while this host was away (a server evacuated off it): the row is the
            // new host's, whatever the old one observed and whenever; its copy is removed
            return report.gone() ? ReportOutcome.IGNORED_OTHER_HOST : ReportOutcome.LEFTOVER_ON_OTHER_HOST;
        }
        if (row.host() == null && report.host() != null && (report.gone() || row.phase() == Phase.LIVE)) {
            // on no host at all (a shelved server offloaded, or scheduled anew by its unshelve): nothing a
            // host removes is lost, and a live row's copy on a host is a leftover
            return report.gone() ? ReportOutcome.IGNORED_OTHER_HOST : ReportOutcome.LEFTOVER_ON_OTHER_HOST;
        }
        if (report.observedAt() != null && row.observedAt() != null && report.observedAt().isBefore(row.observedAt())) {
            // the engine event of an operation can overtake the agent's own report of it: the
            // state it carries is older, but the operation it closes is over all the same
            return report.operationDone() && row.busy() && row.phase() != Phase.DELETING
                    ? ReportOutcome.TASK_CLEARED : ReportOutcome.IGNORED_STALE;
        }
        if (report.gone() && !report.operationDone() && row.createPending() && row.phase() == Phase.CREATING) {
            // a create that never ends is the reconciler's: it asks again, or fails the row in time
            return ReportOutcome.IGNORED_WHILE_CREATING;
        }
        if (report.gone() && !report.operationDone() && row.replacing()) {
            return ReportOutcome.IGNORED_WHILE_REPLACING;
        }
        if (report.gone()) {
            if (row.phase() == Phase.DELETING || row.removedWithEngine()) {
                return ReportOutcome.DELETED;
            }
            return row.healsWhenLost() ? ReportOutcome.HEALED : ReportOutcome.LOST;
        }
        if (row.phase() == Phase.DELETING && !report.operationDone()) {
            return ReportOutcome.IGNORED_WHILE_DELETING;
        }
        return leftNothing ? ReportOutcome.APPLIED_NOTHING_LEFT : ReportOutcome.APPLIED;
    }
}
