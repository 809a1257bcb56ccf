package io.windlass.agent.driver;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.windlass.metrics.LatencyBuckets;
import org.jboss.logging.Logger;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The agent's engine meters (docs/metrics.md, "Agent"): every engine call by kind, operation and
 * outcome, the engine's events, and the event streams reopened. Tags come from the code (a fixed
 * set of operations and kinds), never from a workload. Recording never throws into the engine call
 * or the event it counts.
 */
public final class EngineMeters {
    private static final Logger LOG = Logger.getLogger(EngineMeters.class);

    /** How an engine call ended. */
    public enum Outcome {
        /** done, or already done (Docker's "not modified") */
        OK,
        /** the workload (or network, volume) is not there */
        NOT_FOUND,
        /** the engine answered with a refusal */
        REFUSED,
        /** the engine did not answer: a transient failure */
        UNREACHABLE;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The outcome an exception thrown by an engine call stands for. */
        public static Outcome of(RuntimeException e) {
            if (e instanceof WorkloadNotFoundException) {
                return NOT_FOUND;
            }
            return e instanceof EngineUnreachableException ? UNREACHABLE : REFUSED;
        }
    }

    private final MeterRegistry registry;

    public EngineMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Meters that record nothing: drivers built outside the service (tests, tools). */
    public static EngineMeters silent() {
        return new EngineMeters(new CompositeMeterRegistry());
    }

    /** One engine call of {@code kind} ({@code container}, {@code server}, ...) ended. */
    public void call(String kind, String operation, Outcome outcome, long nanos) {
        guard(() -> {
            String op = operation.replace(' ', '_');
            Timer.builder("windlass.agent.engine.calls")
                    .description("Engine calls, by workload kind, operation and outcome")
                    .tags("kind", kind, "operation", op, "outcome", outcome.tag())
                    .serviceLevelObjectives(LatencyBuckets.bounds()).register(registry)
                    .record(nanos, TimeUnit.NANOSECONDS);
            if (outcome != Outcome.OK) {
                Counter.builder("windlass.agent.engine.failures")
                        .description("Engine calls that failed, by workload kind, operation and outcome")
                        .tags("kind", kind, "operation", op, "outcome", outcome.tag()).register(registry).increment();
            }
        });
    }

    /** An engine event the agent acts on ({@code die}, {@code start}, {@code health_status}, ...). */
    public void event(String kind, String action) {
        guard(() -> Counter.builder("windlass.agent.engine.events")
                .description("Engine events that made the agent report a workload, by kind and action")
                .tags("kind", kind, "action", action).register(registry).increment());
    }

    /**
     * The event streams are reopened: {@code ended} when the engine ended them (a dockerd restart),
     * {@code unavailable} when opening them failed and is tried again later.
     */
    public void streamReconnect(String cause) {
        guard(() -> Counter.builder("windlass.agent.engine.stream.reconnects")
                .description("Engine event streams reopened, by cause").tag("cause", cause).register(registry)
                .increment());
    }

    private static void guard(Runnable record) {
        try {
            record.run();
        } catch (RuntimeException e) {
            LOG.debugf("engine meter not recorded: %s", e);
        }
    }
}
