package io.windlass.agent.workload;

import io.windlass.agent.driver.DriverException;
import io.windlass.agent.driver.EngineEvent;
import io.windlass.agent.driver.EngineMeters;
import io.windlass.agent.driver.EngineEventListener;
import io.windlass.agent.driver.EventSubscription;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcException;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Follows every kind's engine events and reports each workload whose state changed (this is how
 * a container that exits by itself, a server stopped behind Windlass's back or a capsule whose
 * member died reaches the database). An event asks for a fresh report of its workload: a burst
 * of events makes one report, and a workload whose operation is running (its lock held) is
 * reported once the operation has sent its own final report, so a half-built or half-removed
 * workload is never reported, and the echo of an operation's own report is not reported again
 * ({@link WorkloadReporter#reportChange}). When a stream ends (engine restart) every stream is reopened with
 * backoff and everything re-reported, since events may have been missed in between.
 */
public final class WorkloadEvents {
    private static final Logger LOG = Logger.getLogger(WorkloadEvents.class);
    private static final Set<String> STATE_CHANGES = Set.of("start", "die", "stop", "pause", "unpause", "restart",
            "oom", "kill", "destroy", "rename", "update");
    private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(30);
    private static final long BUSY_RETRY_MS = 500;

    private final List<WorkloadReporter<?>> kinds;
    private final WorkloadLocks locks;
    private final WorkloadSync sync;
    private final Duration reconnectDelay;
    private final EngineMeters meters;
    /** One thread: reports go out in the order their events came. */
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "engine-events");
        t.setDaemon(true);
        return t;
    });
    /** Workloads with a report queued ({@code kind:uuid}): further events of theirs add nothing. */
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final List<EventSubscription> subscriptions = new ArrayList<>();
    private Duration nextDelay;
    private boolean stopped;

    public WorkloadEvents(List<WorkloadReporter<?>> kinds, WorkloadLocks locks, WorkloadSync sync,
                          Duration reconnectDelay, EngineMeters meters) {
        this.kinds = List.copyOf(kinds);
        this.meters = meters;
        this.locks = locks;
        this.sync = sync;
        this.reconnectDelay = reconnectDelay;
        this.nextDelay = reconnectDelay;
    }

    /** Opens the streams, then re-reports everything (what happened before is not streamed). */
    public void start() {
        worker.execute(this::connect);
    }

    private synchronized void connect() {
        if (stopped) {
            return;
        }
        closeStreams();
        try {
            for (WorkloadReporter<?> kind : kinds) {
                subscriptions.add(kind.driver().followEvents(new Listener(kind)));
            }
            LOG.infof("following engine events of %d workload kind(s)", kinds.size());
        } catch (RuntimeException e) {
            LOG.warnf("cannot follow engine events: %s", e.getMessage());
            meters.streamReconnect("unavailable");
            closeStreams();
            scheduleReconnect();
            return;
        }
        if (sync.syncAll()) {
            nextDelay = reconnectDelay;
        }
    }

    private final class Listener implements EngineEventListener {
        private final WorkloadReporter<?> kind;

        Listener(WorkloadReporter<?> kind) {
            this.kind = kind;
        }

        @Override
        public void onEvent(EngineEvent event) {
            // "health_status: healthy": the engine's health check changed its verdict
            if (STATE_CHANGES.contains(event.action()) || event.action() != null
                    && event.action().startsWith("health_status")) {
                LOG.debugf("engine event %s on %s %s", event.action(), kind.kind(), event.uuid());
                // "health_status: healthy" would make a tag per verdict and per check output
                meters.event(kind.kind(), event.action().startsWith("health_status") ? "health_status"
                        : event.action());
                requestReport(kind, event.uuid());
            }
        }

        @Override
        public void onClosed(Throwable cause) {
            streamEnded(cause);
        }
    }

    private void requestReport(WorkloadReporter<?> kind, String uuid) {
        if (pending.add(kind.kind() + ":" + uuid)) {
            worker.execute(() -> attempt(kind, uuid));
        }
    }

    private void attempt(WorkloadReporter<?> kind, String uuid) {
        boolean ran = locks.tryWithLock(uuid, () -> {
            // taken off first: an event arriving while we look queues a fresh report
            pending.remove(kind.kind() + ":" + uuid);
            report(kind, uuid);
        });
        if (!ran) {
            worker.schedule(() -> attempt(kind, uuid), BUSY_RETRY_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void report(WorkloadReporter<?> kind, String uuid) {
        RequestContext ctx = RequestContext.internal("compute-agent");
        MDC.put("request_id", ctx.requestId());
        try {
            kind.reportChange(ctx, uuid);
        } catch (DriverException | RpcException e) {
            // the periodic sync will report it later
            LOG.warnf("cannot report %s %s after an engine event: %s", kind.kind(), uuid, e.getMessage());
        } finally {
            MDC.remove("request_id");
        }
    }

    private synchronized void streamEnded(Throwable cause) {
        if (stopped || subscriptions.isEmpty()) {
            // the streams end together when the engine goes: the first one to say so reconnects all
            return;
        }
        closeStreams();
        LOG.warnf("engine event stream ended (%s); reconnecting", cause == null ? "closed by the engine"
                : cause.getMessage());
        meters.streamReconnect("ended");
        scheduleReconnect();
    }

    private synchronized void scheduleReconnect() {
        Duration delay = nextDelay;
        nextDelay = nextDelay.multipliedBy(2).compareTo(MAX_RECONNECT_DELAY) > 0 ? MAX_RECONNECT_DELAY
                : nextDelay.multipliedBy(2);
        worker.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void closeStreams() {
        subscriptions.forEach(EventSubscription::close);
        subscriptions.clear();
    }

    /** Closes the streams for good; called at shutdown, before the drivers go away. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        closeStreams();
        worker.shutdownNow();
    }
}
