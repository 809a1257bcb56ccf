package io.windlass.agent.workload;

import io.windlass.context.RequestContext;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Tells the conductor what a workload looks like now: the one reporter shell every kind uses.
 * The kind's {@link Reports} write its report record. Sending failures (broker down) are thrown:
 * an RPC handler then gets its message redelivered, background callers log and go on.
 *
 * @param <O> what the kind's engine shows of a workload
 */
public final class WorkloadReporter<O extends Observed> {
    private static final Logger LOG = Logger.getLogger(WorkloadReporter.class);
    /**
     * How long after a report an engine event that shows the workload just as reported is taken for
     * that operation's own echo ({@link #reportChange}). A create's report is followed by the engine's
     * {@code start} event once the create's lock is free, half a second later: without this, every
     * create cost a second identical report, its inspect and its conductor transaction, in the very
     * burst of creates that made them.
     */
    static final Duration ECHO_WINDOW = Duration.ofSeconds(5);

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
    private final LongSupplier nanoClock;
    /**
     * What was last reported of each workload (null: gone), without a failure reason, and when
     * (nanos): an entry per workload on the engine, and the recently gone.
     */
    private final Map<String, Sent<O>> lastSent = new ConcurrentHashMap<>();

    private record Sent<O extends Observed>(O observed, long at) {
        /** Whether the engine showing {@code now} at {@code nanos} adds nothing to this report. */
        boolean echoedBy(Optional<O> now, long nanos) {
            if (nanos - at >= ECHO_WINDOW.toNanos()) {
                return false;
            }
            return now.isEmpty() ? observed == null : observed != null && observed.sameAs(now.get());
        }
    }

    public WorkloadReporter(String kind, WorkloadDriver<O> driver, Reports<O> reports) {
        this(kind, driver, reports, System::nanoTime);
    }

    WorkloadReporter(String kind, WorkloadDriver<O> driver, Reports<O> reports, LongSupplier nanoClock) {
        this.kind = kind;
        this.driver = driver;
        this.reports = reports;
        this.nanoClock = nanoClock;
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

    /**
     * Reports the workload after an engine event, unless the engine shows it as it was reported
     * within {@link #ECHO_WINDOW} ({@link Observed#sameAs}), or it is gone and was reported gone
     * within it: then the event is the echo of the operation that sent that report (a create's
     * {@code start}, a delete's {@code destroy}), and the conductor has it, since a sent report is
     * one the broker confirmed. A report that failed to go out is not remembered, so its event
     * still repairs it; the periodic sync reports everything whatever was sent.
     */
    public void reportChange(RequestContext ctx, String uuid) {
        Optional<O> now = driver.observe(uuid);
        Sent<O> sent = lastSent.get(uuid);
        if (sent != null && sent.echoedBy(now, nanoClock.getAsLong())) {
            LOG.debugf("%s %s as reported %d ms ago: nothing to report", kind, uuid,
                    (nanoClock.getAsLong() - sent.at()) / 1_000_000);
            return;
        }
        now.ifPresentOrElse(observed -> report(ctx, observed, null, false), () -> reportGone(ctx, uuid, false));
    }

    public void report(RequestContext ctx, O observed, String reason, boolean operationDone) {
        LOG.debugf("reporting %s %s%s (operation done: %s)", kind, observed.uuid(),
                reason == null ? "" : ": " + reason, operationDone);
        lastSent.remove(observed.uuid());
        reports.observed(ctx, observed, reason, operationDone);
        if (reason == null) {
            remember(observed.uuid(), observed);
        }
    }

    public void reportGone(RequestContext ctx, String uuid, boolean operationDone) {
        LOG.debugf("reporting %s %s gone (operation done: %s)", kind, uuid, operationDone);
        lastSent.remove(uuid);
        reports.gone(ctx, uuid, operationDone);
        remember(uuid, null);
    }

    /** @param observed null: reported gone, remembered only as long as an echo may come */
    private void remember(String uuid, O observed) {
        long at = nanoClock.getAsLong();
        if (observed == null) {
            // what is gone has no later report to replace its entry: the stale ones go here
            lastSent.values().removeIf(s -> s.observed() == null && at - s.at() >= ECHO_WINDOW.toNanos());
        }
        lastSent.put(uuid, new Sent<>(observed, at));
    }

    public void reportFailed(RequestContext ctx, String uuid, String reason) {
        LOG.debugf("reporting %s %s failed: %s", kind, uuid, reason);
        lastSent.remove(uuid);
        reports.failed(ctx, uuid, reason);
    }
}
