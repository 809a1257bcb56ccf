package io.windlass.rpc;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.windlass.context.RequestContext;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The RPC layer's spans, and the trace context a message carries across the bus: a send span per
 * publish, a process span per handled message whose parent is the sender's span, taken from the
 * envelope's W3C {@code traceparent}/{@code tracestate} (docs/CONTRACTS.md). With the OpenTelemetry
 * SDK off (no collector configured, docs/metrics.md "Tracing") every span is a no-op and no
 * envelope carries a trace context, so the bus looks as it did before tracing.
 * <p>
 * The W3C format is used whatever propagators a service configures: it is part of the wire contract.
 */
public final class RpcTracing {
    /** The request id ({@link RequestContext#requestId()}) on every span, so a trace and the logs meet. */
    public static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("windlass.request_id");
    /** The client's request id, when it differs from this hop's. */
    public static final AttributeKey<String> GLOBAL_REQUEST_ID = AttributeKey.stringKey("windlass.global_request_id");
    static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    static final AttributeKey<String> RPC_SYSTEM = AttributeKey.stringKey("rpc.system");
    static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("windlass.rpc.outcome");

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final String TRACEPARENT = "traceparent";
    private static final String TRACESTATE = "tracestate";

    private final Tracer tracer;

    public RpcTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("io.windlass.rpc");
    }

    /** Tracing that records nothing: an RPC client or server built outside a service (tests, tools). */
    public static RpcTracing off() {
        return new RpcTracing(OpenTelemetry.noop());
    }

    /**
     * The W3C fields of a trace context as they go into an envelope (or an outbox row).
     *
     * @param traceparent null when there is no trace to continue
     * @param tracestate  null when empty
     */
    public record Headers(String traceparent, String tracestate) {
        public static final Headers NONE = new Headers(null, null);

        /** The headers of {@code context}'s span; {@link #NONE} when it has no valid one (tracing off). */
        public static Headers of(Context context) {
            Map<String, String> carrier = new HashMap<>(2);
            W3C.inject(context, carrier, SETTER);
            return new Headers(carrier.get(TRACEPARENT), carrier.get(TRACESTATE));
        }

        /** The headers of the span current on this thread. */
        public static Headers current() {
            return of(Context.current());
        }

        /**
         * The remote parent these headers name, as a context to start a span in. Absent or garbled
         * headers (an older sender, a broken one) give the root context: the receiver starts a new
         * trace rather than failing the message.
         */
        public Context context() {
            if (traceparent == null || traceparent.isBlank()) {
                return Context.root();
            }
            return W3C.extract(Context.root(), this, GETTER);
        }
    }

    private static final TextMapSetter<Map<String, String>> SETTER = Map::put;

    private static final TextMapGetter<Headers> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(Headers carrier, String key) {
            if (carrier == null) {
                return null;
            }
            return switch (key) {
                case TRACEPARENT -> carrier.traceparent();
                case TRACESTATE -> carrier.tracestate();
                default -> null;
            };
        }
    };

    /**
     * A span for one publish, a child of the span current on this thread (the HTTP request, the
     * message being handled). Its context is what the envelope carries: make it current or pass it
     * to {@link Headers#of}.
     *
     * @param call a call that waits for the reply (CLIENT) rather than a one-way cast (PRODUCER)
     */
    public Span startSend(String topic, String method, RequestContext context, boolean call) {
        SpanBuilder span = tracer.spanBuilder("send " + method)
                .setSpanKind(call ? SpanKind.CLIENT : SpanKind.PRODUCER)
                .setAttribute(OPERATION, "send");
        return withRequest(messaging(span, topic, method), context).startSpan();
    }

    /**
     * A span for handling one message, continuing the sender's trace from the envelope.
     *
     * @param call the sender waits for the reply (SERVER) rather than having cast it (CONSUMER)
     */
    public Span startProcess(String topic, Envelope message, boolean call) {
        SpanBuilder span = tracer.spanBuilder("process " + message.method())
                .setParent(new Headers(message.traceparent(), message.tracestate()).context())
                .setSpanKind(call ? SpanKind.SERVER : SpanKind.CONSUMER)
                .setAttribute(OPERATION, "process");
        if (message.msgId() != null) {
            span.setAttribute(MESSAGE_ID, message.msgId());
        }
        return withRequest(messaging(span, topic, message.method()), message.context()).startSpan();
    }

    /** How a handled message ended, on its process span; the ones that did no work are errors. */
    public static void ended(Span span, RpcMetrics.HandlerOutcome outcome) {
        span.setAttribute(OUTCOME, outcome.name().toLowerCase(Locale.ROOT));
        if (outcome == RpcMetrics.HandlerOutcome.REJECTED || outcome == RpcMetrics.HandlerOutcome.DROPPED) {
            span.setStatus(StatusCode.ERROR, outcome.name().toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Makes {@code span} current, when it is part of a trace. A no-op span (tracing off, an engine
     * call outside any trace) is not made current: Quarkus' context storage would write its all-zero
     * trace id into the MDC, and so into every log line meanwhile.
     */
    public static Scope within(Span span) {
        return span.getSpanContext().isValid() ? span.makeCurrent() : Scope.noop();
    }

    /** Makes {@code context} current when it holds a trace to continue; see {@link #within(Span)}. */
    public static Scope within(Context context) {
        return Span.fromContext(context).getSpanContext().isValid() ? context.makeCurrent() : Scope.noop();
    }

    /** A send or handler that threw. */
    public static void failed(Span span, Throwable e) {
        span.recordException(e);
        span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
    }

    private static SpanBuilder messaging(SpanBuilder span, String topic, String method) {
        return span.setAttribute(MESSAGING_SYSTEM, "rabbitmq")
                .setAttribute(DESTINATION, topic)
                .setAttribute(RPC_SYSTEM, "windlass")
                .setAttribute(RPC_METHOD, method);
    }

    private static SpanBuilder withRequest(SpanBuilder span, RequestContext context) {
        if (context == null || context.requestId() == null) {
            return span;
        }
        span.setAttribute(REQUEST_ID, context.requestId());
        if (context.globalRequestId() != null && !context.globalRequestId().equals(context.requestId())) {
            span.setAttribute(GLOBAL_REQUEST_ID, context.globalRequestId());
        }
        return span;
    }
}
