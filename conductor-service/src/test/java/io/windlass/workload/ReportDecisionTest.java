package io.windlass.workload;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportDecisionTest {
    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    private static RowState row(Phase phase, boolean busy, Instant observedAt) {
        return new RowState(phase, busy, "node-1", observedAt, T0.minusSeconds(60), T0.minusSeconds(30), false, false);
    }

    private record Report(String uuid, String host, boolean gone, boolean operationDone, Instant observedAt)
            implements WorkloadReport {
        static Report at(Instant when, boolean gone, boolean done) {
            return new Report("u", "node-1", gone, done, when);
        }
    }

    @Test
    void noRowNothingToDo() {
        assertEquals(ReportOutcome.IGNORED_NO_ROW, ReportDecision.decide(null, Report.at(T0, false, true), false));
    }

    @Test
    void theNewestObservationWins() {
        RowState applied = row(Phase.LIVE, false, T0);
        assertEquals(ReportOutcome.IGNORED_STALE, ReportDecision.decide(applied, Report.at(T0.minusMillis(1), false,
                false), false));
        assertEquals(ReportOutcome.APPLIED, ReportDecision.decide(applied, Report.at(T0.plusMillis(1), false, false),
                false));
        assertEquals(ReportOutcome.APPLIED, ReportDecision.decide(row(Phase.LIVE, false, null),
                Report.at(T0, false, false), false), "nothing applied yet");
    }

    @Test
    void anOverTakenReportStillEndsTheOperationItCloses() {
        assertEquals(ReportOutcome.TASK_CLEARED, ReportDecision.decide(row(Phase.LIVE, true, T0),
                Report.at(T0.minusMillis(5), false, true), false));
        assertEquals(ReportOutcome.IGNORED_STALE, ReportDecision.decide(row(Phase.LIVE, false, T0),
                Report.at(T0.minusMillis(5), false, true), false), "no task to end");
        assertEquals(ReportOutcome.IGNORED_STALE, ReportDecision.decide(row(Phase.DELETING, true, T0),
                Report.at(T0.minusMillis(5), false, true), false), "a delete is ended only by its own report");
    }

    @Test
    void goneIsADeleteWhenOneWasAskedForAndALossOtherwise() {
        assertEquals(ReportOutcome.DELETED, ReportDecision.decide(row(Phase.DELETING, true, T0),
                Report.at(T0.plusSeconds(1), true, true), false));
        assertEquals(ReportOutcome.LOST, ReportDecision.decide(row(Phase.LIVE, false, T0),
                Report.at(T0.plusSeconds(1), true, false), false));
        assertEquals(ReportOutcome.LOST, ReportDecision.decide(row(Phase.FAILED, false, T0),
                Report.at(T0.plusSeconds(1), true, false), false));
        RowState autoRemove = new RowState(Phase.LIVE, false, "node-1", T0, T0, T0, true, false);
        assertEquals(ReportOutcome.DELETED, ReportDecision.decide(autoRemove, Report.at(T0.plusSeconds(1), true, false),
                false), "a row that goes with its engine workload");
    }

    @Test
    void whileDeletingOnlyTheDeletesOwnEndCounts() {
        RowState deleting = row(Phase.DELETING, true, T0);
        assertEquals(ReportOutcome.IGNORED_WHILE_DELETING, ReportDecision.decide(deleting,
                Report.at(T0.plusSeconds(1), false, false), false));
        assertEquals(ReportOutcome.APPLIED, ReportDecision.decide(deleting, Report.at(T0.plusSeconds(1), false, true),
                false), "a refused delete puts the observed state back");
    }

    @Test
    void aFailedOperationThatLeftNothingReleasesTheClaim() {
        ReportOutcome outcome = ReportDecision.decide(row(Phase.CREATING, true, null), Report.at(T0, false, true), true);
        assertEquals(ReportOutcome.APPLIED_NOTHING_LEFT, outcome);
        assertTrue(outcome.releasesClaim());
        assertTrue(ReportOutcome.LOST.releasesClaim());
        assertTrue(ReportOutcome.DELETED.releasesClaim());
        assertFalse(ReportOutcome.APPLIED.releasesClaim());
        assertFalse(ReportOutcome.IGNORED_STALE.applied());
        assertTrue(ReportOutcome.TASK_CLEARED.applied());
    }
}
