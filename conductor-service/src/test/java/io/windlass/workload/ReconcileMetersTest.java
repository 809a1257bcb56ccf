package io.windlass.workload;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ReconcileMetersTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ReconcileMeters meters = new ReconcileMeters(registry);

    @Test
    void eachRepairIsCountedByKindRepairAndReason() {
        ReconcileRound.Builder round = new ReconcileRound.Builder();
        round.add("container", Repair.MARK_UNKNOWN, "c1");
        round.add("container", Repair.MARK_UNKNOWN, "c2");
        round.add("server", Repair.RESEND_CREATE, "s1");
        round.add("server", Repair.CLEAR_STALE_TASK, "s2");

        meters.committed(round.build(), 1_000_000);

        assertEquals(2.0, repairs("container", "mark_unknown", "host_silent"));
        assertEquals(1.0, repairs("server", "resend_create", "redrive_after"));
        assertEquals(1.0, repairs("server", "clear_stale_task", "task_timeout"));
        assertEquals(1.0, registry.get("windlass.conductor.reconcile.rounds").tag("result", "ran").counter().count());
        assertEquals(1, registry.get("windlass.conductor.reconcile.duration").timer().count());
    }

    @Test
    void aRoundLeftToAnotherReplicaRepairsNothingHereAndIsNotTimed() {
        meters.committed(ReconcileRound.skipped(), 1_000);
        meters.failed();

        assertEquals(1.0, registry.get("windlass.conductor.reconcile.rounds").tag("result", "skipped").counter()
                .count());
        assertEquals(1.0, registry.get("windlass.conductor.reconcile.rounds").tag("result", "failed").counter()
                .count());
        assertNull(registry.find("windlass.conductor.reconcile.repairs").counter());
        assertNull(registry.find("windlass.conductor.reconcile.duration").timer());
    }

    @Test
    void everyRepairHasAReason() {
        for (Repair repair : Repair.values()) {
            assertEquals(repair == Repair.NONE, "none".equals(repair.reason()), repair.name());
        }
    }

    private double repairs(String kind, String repair, String reason) {
        return registry.get("windlass.conductor.reconcile.repairs").tags("kind", kind, "repair", repair,
                "reason", reason).counter().count();
    }
}
