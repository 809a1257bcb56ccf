package io.windlass.rpc;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import com.rabbitmq.client.DeliverCallback;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.windlass.context.RequestContext;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends RPC messages. {@link #cast} is fire-and-forget but durable: a persistent
 * message, confirmed by the broker before the method returns; {@link #castTransient} is neither,
 * for reports that the next one replaces. {@link #call} waits for
 * the answer over RabbitMQ's direct reply-to, with a timeout; use it only where the
 * caller truly waits (scheduling, live resize, stats).
 * <p>
 * Services send typed {@link RpcMethod}s: each goes out at its own version, lowered to the cap of
 * its API while older servers still run ({@code windlass.rpc.version-cap.<api>}), and a method
 * newer than the cap is not sent at all ({@link RpcVersionCapExceeded}).
 * <p>
 * Every publish has a send span ({@link RpcTracing}), a child of the span current on the sending
 * thread; the envelope carries that span's context, so the handler's span continues the trace.
 */
public class RpcClient implements RpcCasts, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RpcClient.class);
    private static final String DIRECT_REPLY_TO = "amq.rabbitmq.reply-to";
    private static final int PUBLISH_CHANNELS = 4;

    private final RpcConnection connection;
    private final ObjectMapper json;
    private final BlockingQueue<Channel> publishChannels = new ArrayBlockingQueue<>(PUBLISH_CHANNELS);
    private final Map<String, CompletableFuture<RpcReply>> pendingCalls = new ConcurrentHashMap<>();
    private final Object callChannelLock = new Object();
    private Channel callChannel;
    /** Version cap by API ({@link RpcTopics#api}); an API without one gets each method's newest shape. */
    private final Map<String, RpcVersion> caps;
    private final RpcMetrics metrics;
    private final RpcTracing tracing;

    public RpcClient(RpcConnection connection, ObjectMapper json) {
        this(connection, json, Map.of());
    }

    public RpcClient(RpcConnection connection, ObjectMapper json, Map<String, RpcVersion> caps) {
        this(connection, json, caps, new RpcMetrics() { });
    }

    public RpcClient(RpcConnection connection, ObjectMapper json, Map<String, RpcVersion> caps,
                     RpcMetrics metrics) {
        this(connection, json, caps, metrics, RpcTracing.off());
    }

    public RpcClient(RpcConnection connection, ObjectMapper json, Map<String, RpcVersion> caps,
                     RpcMetrics metrics, RpcTracing tracing) {
        this.connection = connection;
        this.tracing = tracing;
        this.json = json;
        this.caps = Map.copyOf(caps);
        this.metrics = new GuardedRpcMetrics(metrics);
        try {
            for (int i = 0; i < PUBLISH_CHANNELS; i++) {
                Channel ch = connection.createClientChannel();
                ch.confirmSelect();
                publishChannels.add(ch);
            }
        } catch (IOException e) {
            throw new RpcException("cannot open publish channels: " + e.getMessage(), e);
        }
    }

    /** Durable, confirmed, one-way message to a topic. */
    @Override
    public <A> void cast(String topic, RpcMethod<A> method, RequestContext context, A args) {
        cast(topic, method.name(), versionFor(topic, method), context, args);
    }

    /** Like {@link #cast(String, RpcMethod, RequestContext, Object)}, neither persisted nor confirmed: see below. */
    public <A> void castTransient(String topic, RpcMethod<A> method, RequestContext context, A args) {
        castTransient(topic, method.name(), versionFor(topic, method), context, args);
    }

    /** Request/reply of a typed method; see {@link #call(String, String, RpcVersion, RequestContext, Object, Class, Duration)}. */
    public <A, T> T call(String topic, RpcMethod<A> method, RequestContext context, A args, Class<T> resultType,
                         Duration timeout) {
        return call(topic, method.name(), versionFor(topic, method), context, args, resultType, timeout);
    }

    /** The version {@code method} goes out at on {@code topic}, under its API's cap. */
    public RpcVersion versionFor(String topic, RpcMethod<?> method) {
        return method.versionUnder(topic, caps.get(RpcTopics.api(topic)));
    }

    /** Durable, confirmed, one-way message to a topic, at an explicit version (the RPC layer's own primitive). */
    public void cast(String topic, String method, RpcVersion version, RequestContext context, Object args) {
        publish(topic, method, version, context, args, true);
    }

    /**
     * One-way message that the next one of its kind supersedes (a periodic state report): neither
     * persisted by the broker nor confirmed, so it costs the broker no disk write and the sender
     * no wait. Lost if the broker restarts before delivering it; the next report takes its place.
     */
    public void castTransient(String topic, String method, RpcVersion version, RequestContext context, Object args) {
        publish(topic, method, version, context, args, false);
    }

    private void publish(String topic, String method, RpcVersion version, RequestContext context, Object args,
                         boolean durable) {
        Span span = tracing.startSend(topic, method, context, false);
        try {
            publish(topic, method, version, context, args, durable, span);
        } catch (RuntimeException e) {
            RpcTracing.failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    private void publish(String topic, String method, RpcVersion version, RequestContext context, Object args,
                         boolean durable, Span span) {
        Envelope envelope = envelope(method, version, context, args, null, span);
        byte[] body = serialise(envelope);
        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .deliveryMode(durable ? 2 : 1)
                .messageId(envelope.msgId())
                .timestamp(java.util.Date.from(envelope.sentAt()))
                .build();
        RpcMetrics.SendMode mode = durable ? RpcMetrics.SendMode.CAST : RpcMetrics.SendMode.TRANSIENT;
        Channel ch = borrowFor(topic, method, mode);
        boolean healthy = false;
        try {
            connection.declareTarget(ch, topic);
            ch.basicPublish(connection.settings().exchange(), topic, props, body);
            metrics.sent(topic, method, mode);
            // every publish channel is in confirm mode: a transient message is confirmed too, and
            // the channel's next durable cast waits for that confirm as well (it comes on arrival)
            if (durable) {
                ch.waitForConfirmsOrDie(connection.settings().confirmTimeout().toMillis());
                metrics.confirmed(topic, method);
            }
            healthy = true;
            LOG.debugf("cast %s.%s msg_id=%s request_id=%s%s", topic, method, envelope.msgId(),
                    context == null ? null : context.requestId(), durable ? "" : " (transient)");
        } catch (IOException | TimeoutException | ShutdownSignalException e) {
            // ShutdownSignalException (AlreadyClosedException): the broker went away; callers handle RpcException
            metrics.sendFailed(topic, method, mode);
            throw new BrokerUnavailableException("cast " + topic + "." + method
                    + (durable ? " was not confirmed by the broker: " : " failed: ") + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException("interrupted while casting " + topic + "." + method, e);
        } finally {
            giveBack(ch, healthy);
        }
    }

    /**
     * Request/reply. Throws {@link RemoteException} when the handler reported a failure and
     * {@link RpcTimeoutException} when no answer came in time.
     */
    public <T> T call(String topic, String method, RpcVersion version, RequestContext context, Object args,
                      Class<T> resultType, Duration timeout) {
        return call(topic, method, version, context, args, json.constructType(resultType), timeout);
    }

    public <T> T call(String topic, String method, RpcVersion version, RequestContext context, Object args,
                      JavaType resultType, Duration timeout) {
        Span span = tracing.startSend(topic, method, context, true);
        try {
            return call(topic, method, version, context, args, resultType, timeout, span);
        } catch (RuntimeException e) {
            RpcTracing.failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    private <T> T call(String topic, String method, RpcVersion version, RequestContext context, Object args,
                       JavaType resultType, Duration timeout, Span span) {
        Envelope envelope = envelope(method, version, context, args, DIRECT_REPLY_TO, span);
        String correlationId = envelope.msgId();
        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .deliveryMode(1)
                .messageId(correlationId)
                .correlationId(correlationId)
                .replyTo(DIRECT_REPLY_TO)
                .expiration(Long.toString(timeout.toMillis()))
                .build();
        CompletableFuture<RpcReply> future = new CompletableFuture<>();
        pendingCalls.put(correlationId, future);
        // the reply latency as the caller sees it, publish included
        long started = System.nanoTime();
        boolean published = false;
        try {
            synchronized (callChannelLock) {
                Channel ch = callChannel();
                connection.declareTarget(ch, topic);
                ch.basicPublish(connection.settings().exchange(), topic, props, serialise(envelope));
            }
            published = true;
            metrics.sent(topic, method, RpcMetrics.SendMode.CALL);
            RpcReply reply = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            metrics.callEnded(topic, method, reply.error() != null ? RpcMetrics.CallOutcome.REMOTE_ERROR
                    : RpcMetrics.CallOutcome.REPLY, System.nanoTime() - started);
            if (reply.error() != null) {
                throw new RemoteException(reply.error().type(), reply.error().message());
            }
            if (reply.result() == null || reply.result().isNull()) {
                return null;
            }
            return json.treeToValue(reply.result(), resultType);
        } catch (TimeoutException e) {
            metrics.callEnded(topic, method, RpcMetrics.CallOutcome.TIMEOUT, System.nanoTime() - started);
            throw new RpcTimeoutException("no reply to " + topic + "." + method + " within " + timeout.toMillis()
                    + " ms");
        } catch (IOException | ShutdownSignalException e) {
            callLost(topic, method, published, started);
            throw new BrokerUnavailableException("call " + topic + "." + method + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException("interrupted while calling " + topic + "." + method, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BrokerUnavailableException lost) {
                callLost(topic, method, published, started);
                throw lost;
            }
            throw new RpcException("call " + topic + "." + method + " failed: " + e.getCause(), e.getCause());
        } finally {
            pendingCalls.remove(correlationId);
        }
    }

    /** The broker went away before the call was sent or while it waited for the reply. */
    private void callLost(String topic, String method, boolean published, long started) {
        if (!published) {
            metrics.sendFailed(topic, method, RpcMetrics.SendMode.CALL);
        } else {
            metrics.callEnded(topic, method, RpcMetrics.CallOutcome.BROKER_UNAVAILABLE, System.nanoTime() - started);
        }
    }

    /** A publish channel, or the send counted as failed when there is none. */
    private Channel borrowFor(String topic, String method, RpcMetrics.SendMode mode) {
        try {
            return borrow();
        } catch (RpcException e) {
            metrics.sendFailed(topic, method, mode);
            throw e;
        }
    }

    private Channel callChannel() throws IOException {
        if (callChannel == null || !callChannel.isOpen()) {
            Channel ch = connection.createClientChannel();
            DeliverCallback onReply = (tag, delivery) -> {
                String id = delivery.getProperties().getCorrelationId();
                CompletableFuture<RpcReply> waiting = id == null ? null : pendingCalls.get(id);
                if (waiting == null) {
                    LOG.debugf("late or unknown reply %s dropped", id);
                    return;
                }
                try {
                    waiting.complete(json.readValue(delivery.getBody(), RpcReply.class));
                } catch (IOException e) {
                    waiting.completeExceptionally(e);
                }
            };
            ch.basicConsume(DIRECT_REPLY_TO, true, onReply, tag -> { });
            // direct reply-to answers on the publishing channel only: once it closes (the broker went
            // away), no call waiting now can get its reply, so each fails at once as a transient
            // failure rather than after its timeout as if the callee had not answered
            ch.addShutdownListener(cause -> {
                BrokerUnavailableException lost = new BrokerUnavailableException(
                        "the broker connection closed before the reply came: " + cause.getMessage(), cause);
                pendingCalls.values().forEach(waiting -> waiting.completeExceptionally(lost));
            });
            callChannel = ch;
        }
        return callChannel;
    }

    /** The envelope names the send span as the parent of whatever the receiver does with it. */
    private Envelope envelope(String method, RpcVersion version, RequestContext context, Object args,
                              String replyTo, Span send) {
        RpcTracing.Headers trace = RpcTracing.Headers.of(Context.current().with(send));
        String msgId = UUID.randomUUID().toString();
        send.setAttribute(RpcTracing.MESSAGE_ID, msgId);
        return new Envelope(method, version.toString(), json.valueToTree(args), context,
                msgId, replyTo, Instant.now(), trace.traceparent(), trace.tracestate());
    }

    private byte[] serialise(Envelope envelope) {
        try {
            return json.writeValueAsBytes(envelope);
        } catch (IOException e) {
            throw new RpcException("cannot serialise " + envelope.method() + ": " + e.getMessage(), e);
        }
    }

    private Channel borrow() {
        try {
            Channel ch = publishChannels.poll(connection.settings().confirmTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (ch == null) {
                throw new RpcException("no publish channel free within the confirm timeout");
            }
            if (!ch.isOpen()) {
                // closed while the broker was away, when no fresh one could be opened: try now, so that
                // the first cast after a recovery does not fail on a channel of the old connection
                try {
                    Channel fresh = connection.createClientChannel();
                    fresh.confirmSelect();
                    return fresh;
                } catch (IOException | RuntimeException e) {
                    publishChannels.add(ch);
                    throw new BrokerUnavailableException("no channel to the broker: " + e.getMessage(), e);
                }
            }
            return ch;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException("interrupted waiting for a publish channel", e);
        }
    }

    /** A channel that saw an error is closed by the broker; replace it so the pool stays full. */
    private void giveBack(Channel ch, boolean healthy) {
        if (healthy && ch.isOpen()) {
            publishChannels.add(ch);
            return;
        }
        try {
            if (ch.isOpen()) {
                ch.abort();
            }
        } catch (IOException | RuntimeException ignored) {
            // already broken
        }
        try {
            Channel fresh = connection.createClientChannel();
            fresh.confirmSelect();
            publishChannels.add(fresh);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("cannot replace a publish channel (%s); will retry on the next cast", e.getMessage());
            publishChannels.add(ch);
        }
    }

    @Override
    public void close() {
        for (Channel ch : publishChannels) {
            try {
                if (ch.isOpen()) {
                    ch.close();
                }
            } catch (IOException | TimeoutException | RuntimeException ignored) {
                // connection is going away anyway
            }
        }
    }
}
