package io.windlass.workload;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

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
    void onlyTheHostTheRowNamesSpeaksForTheWorkloadAndAnotherHostsCopyIsALeftover() {
        // evacuated from node-0 to node-1 while node-0 was down; node-0 comes back and reports
        RowState moved = row(Phase.LIVE, false, T0);
        Report fromOldHost = new Report("u", "node-0", false, false, T0.plusSeconds(60));
        assertEquals(ReportOutcome.LEFTOVER_ON_OTHER_HOST, ReportDecision.decide(moved, fromOldHost, false));
        assertEquals(ReportOutcome.LEFTOVER_ON_OTHER_HOST, ReportDecision.decide(moved,
                new Report("u", "node-0", false, true, T0.minusSeconds(60)), false), "whenever it looked");
        assertEquals(ReportOutcome.LEFTOVER_ON_OTHER_HOST, ReportDecision.decide(row(Phase.CREATING, true, null),
                fromOldHost, true), "while the new host spawns it too");
        assertEquals(ReportOutcome.LEFTOVER_ON_OTHER_HOST, ReportDecision.decide(row(Phase.DELETING, true, T0),
                fromOldHost, false));
        assertEquals(ReportOutcome.IGNORED_OTHER_HOST, ReportDecision.decide(moved,
                new Report("u", "node-0", true, true, T0.plusSeconds(61)), false),
                "the leftover's removal: not a loss, nor a delete of the row");
        assertTrue(ReportOutcome.LEFTOVER_ON_OTHER_HOST.removesLeftover());
        for (ReportOutcome other : List.of(ReportOutcome.LEFTOVER_ON_OTHER_HOST, ReportOutcome.IGNORED_OTHER_HOST)) {
            assertFalse(other.releasesClaim(), "the claim is the new host's");
            assertFalse(other.applied());
        }
        assertFalse(ReportOutcome.LOST.removesLeftover());

        RowState unplaced = new RowState(Phase.SCHEDULING, true, null, null, T0, T0, false, false);
        assertEquals(ReportOutcome.APPLIED, ReportDecision.decide(unplaced, fromOldHost, false),
                "a row without a host names no other host");
        assertEquals(ReportOutcome.IGNORED_OTHER_HOST, ReportDecision.decide(unplaced,
                new Report("u", "node-0", true, false, T0.plusSeconds(60)), false),
                "nothing is lost where the row names no host (an unshelve scheduling the server anew)");
        RowState offloaded = new RowState(Phase.LIVE, false, null, T0, T0, T0, false, false);
        assertEquals(ReportOutcome.LEFTOVER_ON_OTHER_HOST, ReportDecision.decide(offloaded, fromOldHost, false),
                "a live row on no host (shelved and offloaded): what a host still holds is a leftover");
        assertEquals(ReportOutcome.IGNORED_OTHER_HOST, ReportDecision.decide(offloaded,
                new Report("u", "node-0", true, false, T0.plusSeconds(60)), false), "its removal's late event");
    }

    @Test
    void theHostAServerMovedFromKeepsItsStoppedCopyUntilTheMoveEnds() {
        // cold-migrated from node-0 to node-1, waiting for its confirm or revert
        RowState moving = new RowState(Phase.CREATING, true, "node-1", null, T0, T0, false, false, false, false,
                "node-0");
        RowState waiting = new RowState(Phase.LIVE, false, "node-1", T0, T0, T0, false, false, false, false, "node-0");
        for (RowState row : List.of(moving, waiting)) {
            assertEquals(ReportOutcome.IGNORED_KEPT_COPY, ReportDecision.decide(row,
                    new Report("u", "node-0", false, false, T0.plusSeconds(60)), false), "its copy is not a leftover");
            assertEquals(ReportOutcome.IGNORED_KEPT_COPY, ReportDecision.decide(row,
                    new Report("u", "node-0", true, false, T0.plusSeconds(60)), false), "nor its loss the server's");
            assertEquals(ReportOutcome.LEFTOVER_ON_OTHER_HOST, ReportDecision.decide(row,
                    new Report("u", "node-2", false, false, T0.plusSeconds(60)), false), "any other host's is");
        }
        assertEquals(ReportOutcome.APPLIED, ReportDecision.decide(waiting,
                new Report("u", "node-1", false, false, T0.plusSeconds(60)), false), "the new host speaks for it");
        assertFalse(ReportOutcome.IGNORED_KEPT_COPY.releasesClaim());
        assertFalse(ReportOutcome.IGNORED_KEPT_COPY.removesLeftover());
        assertFalse(ReportOutcome.IGNORED_KEPT_COPY.applied());
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
    void goneWhileTheCreateRunsWaitsForTheCreatesOwnEnd() {
        RowState creating = new RowState(Phase.CREATING, true, "node-1", null, T0, T0, false, true);
        assertEquals(ReportOutcome.IGNORED_WHILE_CREATING, ReportDecision.decide(creating,
                Report.at(T0.plusSeconds(1), true, false), false), "an engine event of a failed create's clean-up");
        assertEquals(ReportOutcome.LOST, ReportDecision.decide(creating, Report.at(T0.plusSeconds(1), true, true),
                false), "the create's own end saying gone");
    }

    @Test
    void theOldWorkloadsRemovalWhileItsHostReplacesItIsNoLoss() {
        RowState rebuilding = new RowState(Phase.LIVE, true, "node-1", T0, T0, T0, false, false, true);
        assertEquals(ReportOutcome.IGNORED_WHILE_REPLACING, ReportDecision.decide(rebuilding,
                Report.at(T0.plusSeconds(1), true, false), false));
        assertEquals(ReportOutcome.LOST, ReportDecision.decide(rebuilding, Report.at(T0.plusSeconds(1), true, true),
                false), "the rebuild's own end saying gone");
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
    void goneFromARowThatHealsIsMadeAgainUnlessItWasToGo() {
        RowState heals = new RowState(Phase.LIVE, false, "node-1", T0, T0, T0, false, false, false, true);
        assertEquals(ReportOutcome.HEALED, ReportDecision.decide(heals, Report.at(T0.plusSeconds(1), true, false),
                false));
        RowState healsFailed = new RowState(Phase.FAILED, false, "node-1", T0, T0, T0, false, false, false, true);
        assertEquals(ReportOutcome.HEALED, ReportDecision.decide(healsFailed, Report.at(T0.plusSeconds(1), true,
                false), false));
        RowState deleting = new RowState(Phase.DELETING, true, "node-1", T0, T0, T0, false, false, false, true);
        assertEquals(ReportOutcome.DELETED, ReportDecision.decide(deleting, Report.at(T0.plusSeconds(1), true, true),
                false), "a delete asked for wins");
        RowState healsCreating = new RowState(Phase.CREATING, true, "node-1", T0, T0, T0, false, true, false, true);
        assertEquals(ReportOutcome.IGNORED_WHILE_CREATING, ReportDecision.decide(healsCreating,
                Report.at(T0.plusSeconds(1), true, false), false), "its create (a heal's too) decides");
        assertEquals(ReportOutcome.IGNORED_STALE, ReportDecision.decide(heals, Report.at(T0.minusSeconds(1), true,
                false), false), "an older loss does not make it twice");
        assertEquals(ReportOutcome.HEALED.releasesClaim(), false, "the claim and the host stay");
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
