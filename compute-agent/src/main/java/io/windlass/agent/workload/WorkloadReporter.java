package io.windlass.agent.workload;

import io.windlass.context.RequestContext;
import org.jboss.logging.Logger;

/**
 * Tells the conductor what a workload looks like now: the one reporter shell every kind uses.
 * The kind's {@link Reports} write its report record. Sending failures (broker down) are thrown:
 * an RPC handler then gets its message redelivered, background callers log and go on.
 *
 * @param <O> what the kind's engine shows of a workload
 */
public final class WorkloadReporter<O extends Observed> {
    private static final Logger LOG = Logger.getLogger(WorkloadReporter.class);

    /** How one kind's reports are written and sent to the conductor. */
    public interface Reports<O> {
        /**
         * @param reason        why the requested operation failed, or null
         * @param operationDone the agent finished what it was asked to do (the conductor ends the task)
         */
        void observed(RequestContext ctx, O observed, String reason, boolean operationDone);

        /** Nothing of the workload is on the engine (removed on purpose, or lost). */
        void gone(RequestContext ctx, String uuid, boolean operationDone);

        /** The requested create failed and left nothing behind. */
        void failed(RequestContext ctx, String uuid, String reason);
    }

    private final String kind;
    private final WorkloadDriver<O> driver;
    private final Reports<O> reports;

    public WorkloadReporter(String kind, WorkloadDriver<O> driver, Reports<O> reports) {
        this.kind = kind;
        this.driver = driver;
        this.reports = reports;
    }

    /** {@code container}, {@code server}, {@code capsule}. */
    public String kind() {
        return kind;
    }

    public WorkloadDriver<O> driver() {
        return driver;
    }

    /** Observes the workload and reports it, or reports it gone when the engine has nothing of it. */
    public void reportCurrent(RequestContext ctx, String uuid, String reason, boolean operationDone) {
        driver.observe(uuid).ifPresentOrElse(
                observed -> report(ctx, observed, reason, operationDone),
                () -> reportGone(ctx, uuid, operationDone));
    }

    public void report(RequestContext ctx, O observed, String reason, boolean operationDone) {
        LOG.debugf("reporting %s %s%s (operation done: %s)", kind, observed.uuid(),
                reason == null ? "" : ": " + reason, operationDone);
        reports.observed(ctx, observed, reason, operationDone);
    }

    public void reportGone(RequestContext ctx, String uuid, boolean operationDone) {
        LOG.debugf("reporting %s %s gone (operation done: %s)", kind, uuid, operationDone);
        reports.gone(ctx, uuid, operationDone);
    }

    public void reportFailed(RequestContext ctx, String uuid, String reason) {
        LOG.debugf("reporting %s %s failed: %s", kind, uuid, reason);
        reports.failed(ctx, uuid, reason);
    }
}
