package io.windlass.agent.driver;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.windlass.metrics.LatencyBuckets;
import org.jboss.logging.Logger;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The agent's engine meters (docs/metrics.md, "Agent"): every engine call by kind, operation and
 * outcome, the engine's events, and the event streams reopened. Tags come from the code (a fixed
 * set of operations and kinds), never from a workload. Recording never throws into the engine call
 * or the event it counts.
 * <p>
 * Every engine call also has a span ({@link #startCall}), a child of the message being handled, so
 * a trace shows what the engine was asked and how long it took.
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

    private static final AttributeKey<String> KIND = AttributeKey.stringKey("windlass.engine.kind");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("windlass.engine.operation");
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("windlass.engine.outcome");

    private final MeterRegistry registry;
    private final Tracer tracer;

    public EngineMeters(MeterRegistry registry) {
        this(registry, OpenTelemetry.noop());
    }

    public EngineMeters(MeterRegistry registry, OpenTelemetry openTelemetry) {
        this.registry = registry;
        this.tracer = openTelemetry.getTracer("io.windlass.agent.engine");
    }

    /**
     * A span for one engine call, named {@code engine <operation>} ({@code engine create}), as a client
     * of the engine, when the call is part of a trace; end it with {@link #endCall}.
     */
    public Span startCall(String kind, String operation) {
        if (!Span.current().getSpanContext().isValid()) {
            // a call outside any trace (a periodic poll, a reconcile round) would only flood the collector
            // with one-span traces: only the engine calls of a handled message are traced
            return Span.getInvalid();
        }
        return tracer.spanBuilder("engine " + operation).setSpanKind(SpanKind.CLIENT)
                .setAttribute(KIND, kind).setAttribute(OPERATION, operation).startSpan();
    }

    /** The call's span ends with its outcome; a failed call is an error span with the engine's message. */
    public static void endCall(Span span, Outcome outcome, RuntimeException failure) {
        span.setAttribute(OUTCOME, outcome.tag());
        if (failure != null && outcome != Outcome.NOT_FOUND) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
        }
        span.end();
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
