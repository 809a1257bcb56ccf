package io.windlass.agent.workload;

import io.windlass.agent.driver.DriverException;
import io.windlass.context.RequestContext;
import io.windlass.fault.TransientFailure;
import io.windlass.rpc.RpcException;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.List;

/**
 * Re-reports every workload of every kind on the engine, so the database converges even when an
 * event was missed (agent down, stream reconnecting). One listing per kind; a workload whose
 * lock is held is skipped: the operation running on it ends with a report of its own.
 */
public final class WorkloadSync {
    private static final Logger LOG = Logger.getLogger(WorkloadSync.class);

    /** Told what a kind's sync saw, for clean-ups of the kind's own (orphaned config drives). */
    @FunctionalInterface
    public interface Listener {
        void synced(String kind, List<? extends Observed> observed);
    }

    private final List<WorkloadReporter<?>> kinds;
    private final WorkloadLocks locks;
    private final List<Listener> listeners;
    private final List<Runnable> sweeps;

    /**
     * @param sweeps clean-ups of the host's own after every sync, whatever the kinds saw (tenant
     *               networks no workload uses any more); a failing one is logged and tried again next time
     */
    public WorkloadSync(List<WorkloadReporter<?>> kinds, WorkloadLocks locks, List<Listener> listeners,
                        List<Runnable> sweeps) {
        this.kinds = List.copyOf(kinds);
        this.locks = locks;
        this.listeners = List.copyOf(listeners);
        this.sweeps = List.copyOf(sweeps);
    }

    /** @return true when every kind's workloads could be listed (the sync ran) */
    public boolean syncAll() {
        RequestContext ctx = RequestContext.internal("compute-agent");
        MDC.put("request_id", ctx.requestId());
        try {
            boolean listed = true;
            for (WorkloadReporter<?> kind : kinds) {
                try {
                    if (!sync(ctx, kind)) {
                        break;
                    }
                } catch (RuntimeException e) {
                    if (!(e instanceof DriverException) && TransientFailure.of(e).isEmpty()) {
                        throw e;
                    }
                    // the engine restarting, say: the next sync reports what this one could not
                    LOG.warnf("%s sync skipped, the engine cannot be listed: %s", kind.kind(), e.getMessage());
                    listed = false;
                }
            }
            // the sweeps need the engine, not the conductor: they run even when the reports could not go
            sweeps.forEach(WorkloadSync::sweep);
            return listed;
        } finally {
            MDC.remove("request_id");
        }
    }

    private static void sweep(Runnable sweep) {
        try {
            sweep.run();
        } catch (RuntimeException e) {
            if (!(e instanceof DriverException) && TransientFailure.of(e).isEmpty()) {
                throw e;
            }
            LOG.warnf("host clean-up skipped until the next sync: %s", e.getMessage());
        }
    }

    /** @return false when the conductor cannot be reached (no point going on) */
    private <O extends Observed> boolean sync(RequestContext ctx, WorkloadReporter<O> kind) {
        List<O> observed = kind.driver().observeAll();
        int reported = 0;
        for (O workload : observed) {
            try {
                // observed again under the lock: the listing may predate an operation that has finished
                // since (a capsule listed half-made while its create ran would be reported broken)
                if (locks.tryWithLock(workload.uuid(), () -> kind.reportCurrent(ctx, workload.uuid(), null, false))) {
                    reported++;
                }
            } catch (RpcException e) {
                LOG.warnf("sync stopped, the conductor cannot be reached: %s", e.getMessage());
                return false;
            }
        }
        LOG.debugf("sync reported %d of %d %s(s)", reported, observed.size(), kind.kind());
        listeners.forEach(l -> l.synced(kind.kind(), observed));
        return true;
    }
}
