package io.windlass.watch;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This replica's Watch API: one LISTEN connection feeding one {@link WatchHub}, a heartbeat and a
 * prune of the change log. Idle watchers cost the database nothing; each batch of committed
 * changes costs one read per replica.
 */
@ApplicationScoped
public class WorkloadWatch {
    private static final Logger LOG = Logger.getLogger(WorkloadWatch.class);

    private final WatchConfig config;
    private final WorkloadChangeLog log;
    private final String url;
    private final String user;
    private final Optional<String> password;
    private WatchHub hub;
    private ChangeListener listener;
    private ScheduledExecutorService timer;

    public WorkloadWatch(WatchConfig config, AgroalDataSource db,
                         @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                         @ConfigProperty(name = "quarkus.datasource.username") String user,
                         @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
                         MeterRegistry metrics) {
        this.config = config;
        this.log = new WorkloadChangeLog(db);
        this.url = url;
        this.user = user;
        this.password = password;
        Gauge.builder("windlass.watch.watchers", this, w -> w.hub == null ? 0 : w.hub.watchers())
                .description("Open Watch API streams on this replica").register(metrics);
    }

    void start(@Observes StartupEvent event) {
        hub = new WatchHub(log, config.batchSize(), config.subscriberBuffer(), config.maxStream(),
                "watch-dispatch");
        listener = listener(hub, "watch-listen").start();
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("watch-timer").factory());
        long beat = config.heartbeat().toMillis();
        timer.scheduleWithFixedDelay(hub::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        long prune = config.pruneInterval().toMillis();
        timer.scheduleWithFixedDelay(this::prune, prune, prune, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
        if (listener != null) {
            listener.close();
        }
        if (hub != null) {
            hub.close();
        }
    }

    /** See {@link WatchHub#subscribe}. */
    public void subscribe(WatchView view, WatchSink sink, Long lastEventId) {
        hub.subscribe(view, sink, lastEventId);
    }

    /** A LISTEN connection of this database feeding {@code target} (another replica's, in tests). */
    public ChangeListener listener(WatchHub target, String name) {
        return new ChangeListener(url, user, password.orElse(""), target::changed, config.heartbeat(),
                config.reconnectDelay(), name);
    }

    /** A hub of its own on this database, as another replica would have (tests, the benchmark). */
    public WatchHub newHub(String name) {
        return new WatchHub(log, config.batchSize(), config.subscriberBuffer(), config.maxStream(), name);
    }

    /** Watchers on this replica. */
    public int watchers() {
        return hub.watchers();
    }

    void prune() {
        try {
            int removed = log.pruneBefore(Instant.now().minus(config.retention()));
            if (removed > 0) {
                LOG.infof("pruned %d workload changes older than %s", removed, config.retention());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("workload changes could not be pruned (next round in %s): %s", config.pruneInterval(),
                    e.getMessage());
        }
    }

    WorkloadChangeLog log() {
        return log;
    }
}
