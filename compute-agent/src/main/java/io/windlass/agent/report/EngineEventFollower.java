package io.windlass.agent.report;

import io.windlass.agent.AgentConfig;
import io.windlass.agent.driver.ContainerDriver;
import io.windlass.agent.driver.DriverException;
import io.windlass.agent.driver.EngineEvent;
import io.windlass.agent.driver.EngineEventListener;
import io.windlass.agent.driver.EventSubscription;
import io.windlass.agent.capsule.CapsuleObserver;
import io.windlass.agent.server.ServerDriver;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Follows the engine's event streams and reports every state change of a managed workload
 * (this is how a container that exits by itself, or that Docker's restart policy restarts,
 * reaches the database): the container driver's stream goes to {@code report_container_status},
 * the server driver's to {@code report_server_status} (a server stopped behind Windlass's back
 * becomes SHUTDOWN this way), capsule containers' to the {@link CapsuleObserver} (a capsule's
 * status follows its members). When either stream ends (engine restart) it reconnects both with
 * backoff and re-reports everything, since events may have been missed in between.
 */
@ApplicationScoped
public class EngineEventFollower implements EngineEventListener {
    private static final Logger LOG = Logger.getLogger(EngineEventFollower.class);
    private static final Set<String> STATE_CHANGES = Set.of("start", "die", "stop", "pause", "unpause", "restart",
            "oom", "kill", "destroy", "rename", "update");
    private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(30);

    private final ContainerDriver driver;
    private final ContainerReporter reporter;
    private final ServerDriver servers;
    private final ServerReporter serverReporter;
    private final CapsuleObserver capsules;
    private final ContainerSync sync;
    private final Duration reconnectDelay;
    /** One thread: events are reported in the order the engine sent them. */
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "engine-events");
        t.setDaemon(true);
        return t;
    });
    private EventSubscription subscription;
    private EventSubscription serverSubscription;
    private EventSubscription capsuleSubscription;
    private Duration nextDelay;
    private boolean stopped;

    public EngineEventFollower(ContainerDriver driver, ContainerReporter reporter, ServerDriver servers,
                               ServerReporter serverReporter, CapsuleObserver capsules, ContainerSync sync,
                               AgentConfig config) {
        this.capsules = capsules;
        this.driver = driver;
        this.reporter = reporter;
        this.servers = servers;
        this.serverReporter = serverReporter;
        this.sync = sync;
        this.reconnectDelay = config.eventReconnectDelay();
        this.nextDelay = reconnectDelay;
    }

    /** Opens the stream, then re-reports every container (what happened before is not streamed). */
    public void start() {
        worker.execute(this::connect);
    }

    private synchronized void connect() {
        if (stopped) {
            return;
        }
        closeStreams();
        try {
            subscription = driver.followEvents(this);
            serverSubscription = servers.followEvents(new ServerEvents());
            capsuleSubscription = capsules.followEvents(new CapsuleEvents());
            LOG.infof("following %s engine events", driver.name());
        } catch (RuntimeException e) {
            LOG.warnf("cannot follow engine events: %s", e.getMessage());
            closeStreams();
            scheduleReconnect();
            return;
        }
        if (sync.syncAll()) {
            nextDelay = reconnectDelay;
        }
    }

    @Override
    public void onEvent(EngineEvent event) {
        if (STATE_CHANGES.contains(event.action())) {
            worker.execute(() -> report(event));
        }
    }

    /** The server driver's stream: same worker thread, reported as servers. */
    private final class ServerEvents implements EngineEventListener {
        @Override
        public void onEvent(EngineEvent event) {
            if (STATE_CHANGES.contains(event.action())) {
                worker.execute(() -> reportServer(event));
            }
        }

        @Override
        public void onClosed(Throwable cause) {
            EngineEventFollower.this.onClosed(cause);
        }
    }

    /** Capsule containers' stream: each event asks the observer for a fresh capsule report. */
    private final class CapsuleEvents implements EngineEventListener {
        @Override
        public void onEvent(EngineEvent event) {
            if (STATE_CHANGES.contains(event.action())) {
                capsules.requestReport(event.uuid());
            }
        }

        @Override
        public void onClosed(Throwable cause) {
            EngineEventFollower.this.onClosed(cause);
        }
    }

    @Override
    public synchronized void onClosed(Throwable cause) {
        if (stopped) {
            return;
        }
        if (subscription == null && serverSubscription == null && capsuleSubscription == null) {
            // the streams end together when the engine goes: the first one to say so reconnects all
            return;
        }
        // one stream ending means the engine went away: the others are closed and all reopened
        closeStreams();
        LOG.warnf("engine event stream ended (%s); reconnecting", cause == null ? "closed by the engine"
                : cause.getMessage());
        scheduleReconnect();
    }

    private synchronized void scheduleReconnect() {
        Duration delay = nextDelay;
        nextDelay = nextDelay.multipliedBy(2).compareTo(MAX_RECONNECT_DELAY) > 0 ? MAX_RECONNECT_DELAY
                : nextDelay.multipliedBy(2);
        worker.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void report(EngineEvent event) {
        RequestContext ctx = RequestContext.internal("compute-agent");
        MDC.put("request_id", ctx.requestId());
        try {
            LOG.debugf("engine event %s on %s", event.action(), event.uuid());
            if (event.action().equals("destroy")) {
                reporter.reportGone(ctx, event.uuid(), false);
            } else {
                reporter.reportCurrent(ctx, event.uuid(), null, false);
            }
        } catch (DriverException | RpcException e) {
            // the periodic sync will report it later
            LOG.warnf("cannot report %s event of %s: %s", event.action(), event.uuid(), e.getMessage());
        } finally {
            MDC.remove("request_id");
        }
    }

    private void reportServer(EngineEvent event) {
        RequestContext ctx = RequestContext.internal("compute-agent");
        MDC.put("request_id", ctx.requestId());
        try {
            LOG.debugf("engine event %s on server %s", event.action(), event.uuid());
            if (event.action().equals("destroy")) {
                serverReporter.reportGone(ctx, event.uuid(), false);
            } else {
                serverReporter.reportCurrent(ctx, event.uuid(), null, false);
            }
        } catch (DriverException | RpcException e) {
            // the periodic sync will report it later
            LOG.warnf("cannot report %s event of server %s: %s", event.action(), event.uuid(), e.getMessage());
        } finally {
            MDC.remove("request_id");
        }
    }

    private synchronized void closeStreams() {
        for (EventSubscription s : new EventSubscription[] {subscription, serverSubscription, capsuleSubscription}) {
            if (s != null) {
                s.close();
            }
        }
        subscription = null;
        serverSubscription = null;
        capsuleSubscription = null;
    }

    /** Closes the stream for good; called at shutdown, before the driver goes away. */
    @PreDestroy
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        closeStreams();
        worker.shutdownNow();
    }
}
