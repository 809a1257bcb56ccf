package io.windlass.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcClient;
import io.windlass.rpc.RpcTracing;
import io.windlass.rpc.RpcVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends the casts {@link RpcOutbox} recorded: at once when a transaction that recorded one commits,
 * and every {@code retry-interval} whatever is due again. A cast leaves the outbox only once the
 * broker confirmed it; one the broker refuses waits, longer each time up to {@code max-backoff}.
 * Rows are taken {@code for update skip locked}, so the relays of several api replicas share the
 * work without sending one cast twice at the same time; a cast may still arrive twice (the broker
 * confirmed it, the delete did not commit), which every handler tolerates.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final EntityManager em;
    private final RpcClient rpc;
    private final ObjectMapper json;
    private final OutboxConfig config;
    private final Counter sent;
    private final Counter refused;
    private final Semaphore due = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(EntityManager em, RpcClient rpc, ObjectMapper json, OutboxConfig config,
                       MeterRegistry metrics) {
        this.em = em;
        this.rpc = rpc;
        this.json = json;
        this.config = config;
        this.sent = Counter.builder("windlass.outbox.casts").tag("result", "sent")
                .description("Casts relayed from the outbox to the broker").register(metrics);
        this.refused = Counter.builder("windlass.outbox.casts").tag("result", "refused")
                .description("Attempts the broker did not confirm (the cast stays in the outbox)").register(metrics);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        worker = Thread.ofPlatform().daemon().name("outbox-relay").start(this::relayUntilStopped);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.interrupt();
            worker.join(Duration.ofSeconds(5));
        }
    }

    /** A transaction that recorded a cast committed. */
    public void wake() {
        due.release();
    }

    private void relayUntilStopped() {
        while (running) {
            try {
                due.tryAcquire(config.retryInterval().toMillis(), TimeUnit.MILLISECONDS);
                due.drainPermits();
                // a full batch means more may be due
                while (running && relayDue() == config.batchSize()) {
                    LOG.debug("outbox: a full batch relayed, looking for more");
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the database is away: the casts stay recorded, the next round tries again
                LOG.warnf("outbox relay round failed, next in %s: %s", config.retryInterval(), e.getMessage());
            }
        }
    }

    /** @return how many due casts this round took */
    int relayDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select id, topic, method, version, cast(context as text), "
                            + "cast(args as text), attempts from rpc_outbox where next_attempt_at <= now() "
                            + "order by id limit ?1 for update skip locked")
                    .setParameter(1, config.batchSize()).getResultList();
            for (Object[] row : rows) {
                long id = ((Number) row[0]).longValue();
                String what = row[1] + "." + row[2];
                try {
                    JsonNode context = json.readTree((String) row[4]);
                    // the cast's send span continues the trace of the request that recorded it
                    try (Scope ignored = RpcTracing.within(traceOf(context).context())) {
                        rpc.cast((String) row[1], (String) row[2], RpcVersion.parse((String) row[3]),
                                json.treeToValue(context, RequestContext.class), json.readTree((String) row[5]));
                    }
                } catch (JsonProcessingException e) {
                    // it can never be sent, and holding it would fail every round after it
                    LOG.errorf("cast %s (outbox %d) cannot be read and is dropped: %s", what, id, e.getMessage());
                    em.createNativeQuery("delete from rpc_outbox where id = ?1").setParameter(1, id).executeUpdate();
                    continue;
                } catch (RuntimeException e) {
                    // the broker is most likely away: the rest of the round would fail alike
                    int attempts = ((Number) row[6]).intValue() + 1;
                    Duration wait = backoff(attempts);
                    em.createNativeQuery("update rpc_outbox set attempts = ?2, last_error = ?3, "
                                    + "next_attempt_at = now() + make_interval(secs => ?4) where id = ?1")
                            .setParameter(1, id).setParameter(2, attempts).setParameter(3, e.getMessage())
                            .setParameter(4, (double) wait.toMillis() / 1000).executeUpdate();
                    refused.increment();
                    LOG.warnf("cast %s (outbox %d) not sent, attempt %d, again in %s: %s", what, id, attempts,
                            wait, e.getMessage());
                    return 0;
                }
                em.createNativeQuery("delete from rpc_outbox where id = ?1").setParameter(1, id).executeUpdate();
                sent.increment();
                if (((Number) row[6]).intValue() > 0) {
                    LOG.infof("cast %s (outbox %d) sent after %d failed attempts", what, id, row[6]);
                }
            }
            return rows.size();
        });
    }

    /** The trace context {@link RpcOutbox} recorded beside the request context; none in rows written without. */
    private static RpcTracing.Headers traceOf(JsonNode context) {
        return new RpcTracing.Headers(text(context, RpcOutbox.TRACEPARENT), text(context, RpcOutbox.TRACESTATE));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    /** Doubling from the retry interval, at most {@code max-backoff}. */
    private Duration backoff(int attempts) {
        Duration wait = config.retryInterval().multipliedBy(1L << Math.min(attempts - 1, 16));
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }
}
