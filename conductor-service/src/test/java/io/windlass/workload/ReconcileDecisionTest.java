package io.windlass.workload;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReconcileDecisionTest {
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final Duration BUILD = Duration.ofMinutes(5);
    private static final Duration TASK = Duration.ofMinutes(10);
    private static final Duration REDRIVE = Duration.ofMinutes(1);

    /** A row created {@code createdAgo} ago and last changed {@code changedAgo} ago. */
    private static RowState row(Phase phase, boolean busy, Duration createdAgo, Duration changedAgo) {
        return new RowState(phase, busy, phase == Phase.SCHEDULING ? null : "node-1", null, NOW.minus(createdAgo),
                NOW.minus(changedAgo), false, phase == Phase.CREATING);
    }

    private static Repair decide(RowState row, boolean hostSilent, boolean showsUnknown) {
        return decide(row, hostSilent, showsUnknown, null);
    }

    private static Repair decide(RowState row, boolean hostSilent, boolean showsUnknown, Instant createAsked) {
        return ReconcileDecision.decide(row, NOW, hostSilent, showsUnknown, createAsked,
                new ReconcileDecision.Timeouts(BUILD, TASK, REDRIVE));
    }

    @Test
    void aRowWithoutAHostFailsAfterTheBuildTimeout() {
        assertEquals(Repair.NONE, decide(row(Phase.SCHEDULING, false, Duration.ofMinutes(4), Duration.ofMinutes(4)),
                false, true));
        assertEquals(Repair.FAIL_UNSCHEDULED, decide(row(Phase.SCHEDULING, false, Duration.ofMinutes(6),
                Duration.ofMinutes(6)), false, true));
    }

    @Test
    void aCreateItsHostNeverReportedFailsAfterTheTaskTimeout() {
        assertEquals(Repair.FAIL_NOT_CREATED, decide(row(Phase.CREATING, true, Duration.ofMinutes(20),
                Duration.ofMinutes(11)), false, false));
        assertEquals(Repair.FAIL_NOT_CREATED, decide(row(Phase.CREATING, true, Duration.ofMinutes(20),
                Duration.ofMinutes(11)), false, false, NOW.minusSeconds(5)), "asking again does not postpone it");
    }

    @Test
    void aCreateItsLiveHostHasNotAnsweredIsSentAgainOncePerPeriod() {
        RowState quiet = row(Phase.CREATING, true, Duration.ofMinutes(20), Duration.ofMinutes(9));
        assertEquals(Repair.RESEND_CREATE, decide(quiet, false, true));
        assertEquals(Repair.NONE, decide(quiet, false, true, NOW.minusSeconds(30)), "asked 30 s ago");
        assertEquals(Repair.RESEND_CREATE, decide(quiet, false, true, NOW.minusSeconds(61)));
        assertEquals(Repair.NONE, decide(row(Phase.CREATING, true, Duration.ofMinutes(1), Duration.ofSeconds(30)),
                false, true), "within the first period");
        assertEquals(Repair.NONE, decide(quiet, true, false), "not into a silent host's queue");
    }

    @Test
    void anUnansweredDeleteIsAskedAgainOnceItsHostIsBack() {
        RowState stale = row(Phase.DELETING, true, Duration.ofHours(1), Duration.ofMinutes(11));
        assertEquals(Repair.RESEND_DELETE, decide(stale, false, true));
        assertEquals(Repair.NONE, decide(stale, true, true), "not into a silent host's queue every round");
        assertEquals(Repair.NONE, decide(row(Phase.DELETING, true, Duration.ofHours(1), Duration.ofMinutes(1)),
                false, true));
    }

    @Test
    void aSilentHostsWorkloadsShowUnknownWhereTheKindHasIt() {
        RowState live = row(Phase.LIVE, false, Duration.ofHours(1), Duration.ofHours(1));
        assertEquals(Repair.MARK_UNKNOWN, decide(live, true, true));
        assertEquals(Repair.NONE, decide(live, true, false), "servers show it through host_status");
        assertEquals(Repair.MARK_UNKNOWN, decide(row(Phase.CREATING, true, Duration.ofMinutes(1),
                Duration.ofMinutes(1)), true, true));
        assertEquals(Repair.NONE, decide(row(Phase.FAILED, false, Duration.ofHours(1), Duration.ofHours(1)), true,
                true), "a failed workload stays failed");
        assertEquals(Repair.NONE, decide(row(Phase.UNKNOWN, false, Duration.ofHours(1), Duration.ofHours(1)), true,
                true), "already Unknown");
    }

    @Test
    void aTaskNobodyEndedIsClearedAfterTheTaskTimeout() {
        assertEquals(Repair.CLEAR_STALE_TASK, decide(row(Phase.LIVE, true, Duration.ofHours(1),
                Duration.ofMinutes(11)), false, true));
        assertEquals(Repair.NONE, decide(row(Phase.LIVE, true, Duration.ofHours(1), Duration.ofMinutes(9)), false,
                true));
        assertEquals(Repair.CLEAR_STALE_TASK, decide(row(Phase.UNKNOWN, true, Duration.ofHours(1),
                Duration.ofMinutes(11)), true, true));
        assertEquals(Repair.NONE, decide(row(Phase.LIVE, false, Duration.ofHours(1), Duration.ofHours(1)), false,
                true));
    }

    @Test
    void aWorkloadThatRunsButWhoseCreateWasNeverReportedDoneIsAskedAgain() {
        RowState running = new RowState(Phase.LIVE, true, "node-1", NOW.minusSeconds(5), NOW.minus(Duration.ofMinutes(3)),
                NOW.minus(Duration.ofMinutes(2)), false, true);
        assertEquals(Repair.RESEND_CREATE, decide(running, false, true));
        assertEquals(Repair.NONE, decide(running, false, true, NOW.minusSeconds(10)), "asked 10 s ago");
        RowState acting = new RowState(Phase.LIVE, true, "node-1", NOW.minusSeconds(5), NOW.minus(Duration.ofMinutes(3)),
                NOW.minus(Duration.ofMinutes(2)), false, false);
        assertEquals(Repair.NONE, decide(acting, false, true), "another task (a stop, say) is not a create");
    }
}
