package io.windlass.rpc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import io.windlass.context.RequestContext;
import io.windlass.fault.TransientFailure;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Consumes a topic's durable queue and dispatches each message to its handler.
 * <ul>
 * <li>The message is acked only after the handler returned, i.e. after the work was
 *     durably recorded; a crash before that means redelivery (handlers are idempotent).</li>
 * <li>A handler failure that is transient ({@link TransientFailure}: the database away for a
 *     moment) puts the message back, after a pause, as often as it takes.</li>
 * <li>Another handler failure that is not an {@link RpcHandlerException} is retried once
 *     (requeue); a second failure drops the message with an error log.</li>
 * <li>Messages that can never succeed (unknown method, incompatible version, bad payload)
 *     are dropped at once with an error log, and answered with an error if they are calls.</li>
 * </ul>
 * Several consumers (channels with prefetch 1) per queue give concurrency within a process;
 * several processes on one queue are competing consumers.
 * <p>
 * A topic's API can be served as an older version would serve it ({@code pins}, from
 * {@code windlass.rpc.served-version.<api>}): messages newer than that, and methods introduced
 * later, are refused as such a server refuses them. Upgrade tests run new code as the old release.
 * <p>
 * Each readable message is handled inside a process span ({@link RpcTracing}) whose parent is the
 * sender's span named in the envelope; the handler's own sends and spans are its children, and its
 * log lines carry the trace id (MDC {@code traceId}, the key Quarkus uses for HTTP requests).
 */
public class RpcServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RpcServer.class);
    /** The MDC keys Quarkus' OpenTelemetry extension fills for HTTP requests: one log format serves both. */
    static final String TRACE_ID = "traceId";
    static final String SPAN_ID = "spanId";

    private final RpcConnection connection;
    private final ObjectMapper json;
    private static final long DRAIN_TIMEOUT_MS = 15_000;
    /** How long a message that met a transient failure ({@link TransientFailure}) waits before it comes again. */
    private static final long TRANSIENT_RETRY_DELAY_MS = 1_000;

    private final List<Channel> channels = new ArrayList<>();
    private final Map<Channel, String> consumerTags = new HashMap<>();
    /** Handlers running now; close() waits for them so their acks and reports still go out. */
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closing;

    /** Served version by API ({@link RpcTopics#api}), for APIs served as an older release. */
    private final Map<String, RpcVersion> pins;
    private final RpcMetrics metrics;
    private final RpcTracing tracing;
    /** The handlers running now, for the liveness check ({@link RunningHandlers}). */
    private final RunningHandlers running;

    public RpcServer(RpcConnection connection, ObjectMapper json) {
        this(connection, json, Map.of());
    }

    public RpcServer(RpcConnection connection, ObjectMapper json, Map<String, RpcVersion> pins) {
        this(connection, json, pins, new RpcMetrics() { });
    }

    public RpcServer(RpcConnection connection, ObjectMapper json, Map<String, RpcVersion> pins,
                     RpcMetrics metrics) {
        this(connection, json, pins, metrics, RpcTracing.off());
    }

    public RpcServer(RpcConnection connection, ObjectMapper json, Map<String, RpcVersion> pins,
                     RpcMetrics metrics, RpcTracing tracing) {
        this(connection, json, pins, metrics, tracing, new RunningHandlers());
    }

    /** @param running where this server records the handlers it runs (the liveness check reads it) */
    public RpcServer(RpcConnection connection, ObjectMapper json, Map<String, RpcVersion> pins,
                     RpcMetrics metrics, RpcTracing tracing, RunningHandlers running) {
        this.connection = connection;
        this.running = running;
        this.tracing = tracing;
        this.json = json;
        this.pins = Map.copyOf(pins);
        this.metrics = new GuardedRpcMetrics(metrics);
    }

    /** The version the endpoint is served at: its own, or the older one it is pinned to. */
    RpcVersion servedVersion(RpcEndpoint endpoint) {
        RpcVersion pin = pins.get(RpcTopics.api(endpoint.topic()));
        return pin != null && endpoint.version().isNewerThan(pin) ? pin : endpoint.version();
    }

    /** Starts {@code consumers} competing consumers of the endpoint's topic queue. */
    public synchronized void serve(RpcEndpoint endpoint, int consumers) {
        RpcVersion served = servedVersion(endpoint);
        connection.makeRoomForConsumers(consumers);
        try {
            String queue = null;
            for (int i = 0; i < consumers; i++) {
                Channel ch = connection.createChannel();
                ch.basicQos(1);
                queue = connection.declareTopicQueue(ch, endpoint.topic());
                consumerTags.put(ch, ch.basicConsume(queue, false, new Dispatcher(ch, endpoint, served)));
                channels.add(ch);
            }
            if (queue != null) {
                metrics.consuming(endpoint.topic(), queue);
            }
            LOG.infof("serving topic %s (RPC API %s%s) with %d consumer(s)", endpoint.topic(), served,
                    served.equals(endpoint.version()) ? "" : ", pinned below this build's " + endpoint.version(),
                    consumers);
        } catch (IOException e) {
            throw new RpcException("cannot consume topic " + endpoint.topic() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stops consuming, lets running handlers finish (up to 15 s) so that their work is acked
     * and reported, then closes the channels. Unacked messages go back to the queue.
     */
    @Override
    public synchronized void close() {
        closing = true;
        for (Channel ch : channels) {
            try {
                if (ch.isOpen()) {
                    ch.basicCancel(consumerTags.get(ch));
                }
            } catch (IOException | RuntimeException e) {
                LOG.debugf("cancelling consumer: %s", e.getMessage());
            }
        }
        long deadline = System.currentTimeMillis() + DRAIN_TIMEOUT_MS;
        while (inFlight.get() > 0 && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (inFlight.get() > 0) {
            LOG.warnf("%d RPC handler(s) still running at shutdown; their messages will be redelivered",
                    inFlight.get());
        }
        for (Channel ch : channels) {
            try {
                if (ch.isOpen()) {
                    ch.close();
                }
            } catch (IOException | TimeoutException | RuntimeException e) {
                LOG.debugf("closing consumer channel: %s", e.getMessage());
            }
        }
        channels.clear();
        consumerTags.clear();
    }

    private final class Dispatcher extends DefaultConsumer {
        private final RpcEndpoint endpoint;
        private final RpcVersion served;

        Dispatcher(Channel channel, RpcEndpoint endpoint, RpcVersion served) {
            super(channel);
            this.endpoint = endpoint;
            this.served = served;
        }

        @Override
        public void handleDelivery(String tag, Envelope delivery, AMQP.BasicProperties props, byte[] body)
                throws IOException {
            if (closing) {
                // prefetched just before the cancel: leave it to another consumer
                getChannel().basicNack(delivery.getDeliveryTag(), false, true);
                return;
            }
            inFlight.incrementAndGet();
            try {
                handle(delivery, props, body);
            } catch (ShutdownSignalException e) {
                // the connection closed before the delivery was settled: the broker delivers it again
                // once the connection recovers, and it is handled again (every handler is idempotent)
                LOG.warnf("%s: delivery %d not settled, the broker connection closed (%s); it comes again",
                        endpoint.topic(), delivery.getDeliveryTag(), e.getMessage());
            } finally {
                inFlight.decrementAndGet();
            }
        }

        private void handle(Envelope delivery, AMQP.BasicProperties props, byte[] body) throws IOException {
            long started = System.nanoTime();
            Instant delivered = Instant.now();
            io.windlass.rpc.Envelope message;
            try {
                message = json.readValue(body, io.windlass.rpc.Envelope.class);
            } catch (IOException e) {
                LOG.errorf("dropping unreadable message on %s: %s", endpoint.topic(), e.getMessage());
                metrics.received(endpoint.topic(), RpcEndpoint.UNKNOWN_METHOD, delivery.isRedeliver());
                getChannel().basicAck(delivery.getDeliveryTag(), false);
                metrics.handled(endpoint.topic(), RpcEndpoint.UNKNOWN_METHOD, RpcMetrics.HandlerOutcome.REJECTED,
                        System.nanoTime() - started);
                return;
            }
            // a method name from the wire becomes a tag only when this endpoint serves it
            String method = endpoint.methodTag(message.method());
            metrics.received(endpoint.topic(), method, delivery.isRedeliver());
            if (message.sentAt() != null) {
                metrics.delivered(endpoint.topic(), method, Duration.between(message.sentAt(), delivered).toNanos());
            }
            RequestContext context = message.context();
            if (context != null) {
                MDC.put("request_id", context.requestId());
            }
            Span span = tracing.startProcess(endpoint.topic(), message, props.getReplyTo() != null);
            SpanContext traced = span.getSpanContext();
            if (traced.isValid()) {
                MDC.put(TRACE_ID, traced.getTraceId());
                MDC.put(SPAN_ID, traced.getSpanId());
            }
            long run = running.started(endpoint.topic(), method, started);
            try (Scope ignored = RpcTracing.within(span)) {
                RpcMetrics.HandlerOutcome outcome = dispatch(delivery, props, message);
                RpcTracing.ended(span, outcome);
                metrics.handled(endpoint.topic(), method, outcome, System.nanoTime() - started);
            } catch (IOException | RuntimeException e) {
                RpcTracing.failed(span, e);
                throw e;
            } finally {
                running.ended(run);
                span.end();
                MDC.remove("request_id");
                MDC.remove(TRACE_ID);
                MDC.remove(SPAN_ID);
            }
        }

        private RpcMetrics.HandlerOutcome dispatch(Envelope delivery, AMQP.BasicProperties props,
                                                   io.windlass.rpc.Envelope message) throws IOException {
            long tag = delivery.getDeliveryTag();
            String where = endpoint.topic() + "." + message.method();
            RpcVersion requested;
            try {
                requested = RpcVersion.parse(message.version());
            } catch (IllegalArgumentException e) {
                return reject(tag, props, message, "IncompatibleVersion", e.getMessage());
            }
            if (!served.canServe(requested)) {
                return reject(tag, props, message, "IncompatibleVersion", where + " sent at RPC version " + requested
                        + " but this server speaks " + served);
            }
            var registration = endpoint.registration(message.method(), served);
            if (registration.isEmpty()) {
                return reject(tag, props, message, "UnknownMethod", "no method " + where);
            }
            Object args;
            try {
                args = message.args() == null || message.args().isNull() ? null
                        : json.treeToValue(message.args(), registration.get().argType());
            } catch (IOException e) {
                return reject(tag, props, message, "InvalidPayload", "bad payload for " + where + ": "
                        + e.getMessage());
            }
            try {
                Object result = invoke(registration.get(), message.context(), args);
                reply(props, new RpcReply(json.valueToTree(result), null));
                getChannel().basicAck(tag, false);
                return RpcMetrics.HandlerOutcome.OK;
            } catch (RpcHandlerException e) {
                LOG.infof("%s failed: %s: %s", where, e.type(), e.getMessage());
                reply(props, new RpcReply(null, new RpcReply.RemoteError(e.type(), e.getMessage())));
                getChannel().basicAck(tag, false);
                return RpcMetrics.HandlerOutcome.REFUSED;
            } catch (Exception e) {
                Optional<String> transientCause = TransientFailure.of(e);
                if (transientCause.isPresent()) {
                    // the database restarting, say: not the message's fault, so it comes again until the
                    // part is back, a little later so that it does not spin (a call's caller waits meanwhile)
                    LOG.warnf("%s msg_id=%s not handled: %s; it comes again in %d ms", where, message.msgId(),
                            transientCause.get(), TRANSIENT_RETRY_DELAY_MS);
                    pauseBeforeRetry();
                    getChannel().basicNack(tag, false, true);
                    return RpcMetrics.HandlerOutcome.TRANSIENT;
                }
                if (!delivery.isRedeliver() && props.getReplyTo() == null) {
                    LOG.warnf(e, "%s msg_id=%s failed, will retry once", where, message.msgId());
                    getChannel().basicNack(tag, false, true);
                    return RpcMetrics.HandlerOutcome.RETRIED;
                }
                LOG.errorf(e, "%s msg_id=%s failed", where, message.msgId());
                reply(props, new RpcReply(null, new RpcReply.RemoteError(e.getClass().getSimpleName(),
                        String.valueOf(e.getMessage()))));
                getChannel().basicAck(tag, false);
                return RpcMetrics.HandlerOutcome.DROPPED;
            }
        }

        private void pauseBeforeRetry() {
            try {
                Thread.sleep(TRANSIENT_RETRY_DELAY_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @SuppressWarnings("unchecked")
        private <A> Object invoke(RpcEndpoint.Registration<A> registration, RequestContext context, Object args)
                throws Exception {
            return registration.handler().handle(context, (A) args);
        }

        private RpcMetrics.HandlerOutcome reject(long tag, AMQP.BasicProperties props,
                                                 io.windlass.rpc.Envelope message, String type, String why)
                throws IOException {
            LOG.errorf("dropping %s msg_id=%s: %s", message.method(), message.msgId(), why);
            reply(props, new RpcReply(null, new RpcReply.RemoteError(type, why)));
            getChannel().basicAck(tag, false);
            return RpcMetrics.HandlerOutcome.REJECTED;
        }

        private void reply(AMQP.BasicProperties request, RpcReply reply) {
            if (request.getReplyTo() == null) {
                return;
            }
            try {
                AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                        .contentType("application/json")
                        .correlationId(request.getCorrelationId())
                        .build();
                getChannel().basicPublish("", request.getReplyTo(), props, json.writeValueAsBytes(reply));
            } catch (IOException | RuntimeException e) {
                // the caller has timed out or gone; nothing else to do
                LOG.debugf("reply to %s not delivered: %s", request.getReplyTo(), e.getMessage());
            }
        }
    }
}
