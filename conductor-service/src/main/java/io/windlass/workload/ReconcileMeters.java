package io.windlass.workload;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.windlass.metrics.LatencyBuckets;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.concurrent.TimeUnit;

/**
 * The reconciler's meters (docs/metrics.md, "Conductor"): each committed round's repairs by
 * workload kind, repair and reason, and the rounds themselves. A repair is the system mending what
 * a lost message or a silent host left behind; a steady rate of them is worth a look even when
 * every workload ends right. Recording never fails a round.
 */
@ApplicationScoped
public class ReconcileMeters {
    private static final Logger LOG = Logger.getLogger(ReconcileMeters.class);

    private final MeterRegistry registry;

    public ReconcileMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A round this replica finished and committed ({@code round.ran()}) or left to another. */
    public void committed(ReconcileRound round, long nanos) {
        try {
            rounds(round.ran() ? "ran" : "skipped");
            if (!round.ran()) {
                return;
            }
            Timer.builder("windlass.conductor.reconcile.duration").description("Reconcile rounds this replica ran")
                    .serviceLevelObjectives(LatencyBuckets.bounds()).register(registry)
                    .record(nanos, TimeUnit.NANOSECONDS);
            round.repairs().forEach((kind, byRepair) -> byRepair.forEach((repair, uuids) ->
                    Counter.builder("windlass.conductor.reconcile.repairs")
                            .description("Rows the reconciler repaired, by workload kind, repair and reason")
                            .tags("kind", kind, "repair", repair.tag(), "reason", repair.reason())
                            .register(registry).increment(uuids.size())));
        } catch (RuntimeException e) {
            LOG.debugf("reconcile round not counted: %s", e);
        }
    }

    /** A round that met a transient failure (the database away) and repaired nothing. */
    public void failed() {
        try {
            rounds("failed");
        } catch (RuntimeException e) {
            LOG.debugf("reconcile round not counted: %s", e);
        }
    }

    private void rounds(String result) {
        Counter.builder("windlass.conductor.reconcile.rounds")
                .description("Reconcile rounds: ran here, skipped (another replica held the lock), failed")
                .tag("result", result).register(registry).increment();
    }
}
