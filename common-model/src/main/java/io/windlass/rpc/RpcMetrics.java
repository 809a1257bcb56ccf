package io.windlass.rpc;

/**
 * What the RPC layer tells about its traffic, for meters. The RPC classes do not depend on a metrics
 * library: services wire {@code rpc.cdi.MicrometerRpcMetrics}, tests and tools get the silent default.
 * Every method has a no-op default, and {@link RpcClient} and {@link RpcServer} call an implementation
 * only through {@link GuardedRpcMetrics}, so a failing meter never fails a message.
 * <p>
 * {@code topic} is the topic as sent or consumed ({@code compute.host1}); implementations reduce it to
 * something of low cardinality ({@link RpcTopics#api}).
 */
public interface RpcMetrics {

    /** How a message was sent. */
    enum SendMode {
        /** durable and confirmed */
        CAST,
        /** neither persisted nor confirmed */
        TRANSIENT,
        /** request/reply */
        CALL;

        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** How a call ended for the caller. */
    enum CallOutcome {
        /** the handler answered */
        REPLY,
        /** the handler answered with a named failure ({@link RemoteException}) */
        REMOTE_ERROR,
        /** no answer within the call's timeout */
        TIMEOUT,
        /** the broker went away while the caller waited */
        BROKER_UNAVAILABLE;

        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** How a delivered message ended on the server. */
    enum HandlerOutcome {
        /** handled and acked */
        OK,
        /** the handler refused it by name ({@link RpcHandlerException}); acked, not retried */
        REFUSED,
        /** a transient failure (database, broker, engine away): put back to come again */
        TRANSIENT,
        /** failed the first time: put back for its one retry */
        RETRIED,
        /** failed again (or a call failed): dropped with an error log */
        DROPPED,
        /** never reached a handler: unreadable, a version or method this server does not serve, a bad payload */
        REJECTED;

        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A message left for the broker. */
    default void sent(String topic, String method, SendMode mode) {
    }

    /** The broker confirmed a durable cast. */
    default void confirmed(String topic, String method) {
    }

    /** A send the broker did not take (refused, not confirmed in time, or the broker away). */
    default void sendFailed(String topic, String method, SendMode mode) {
    }

    /** A call ended, {@code nanos} after it was sent. */
    default void callEnded(String topic, String method, CallOutcome outcome, long nanos) {
    }

    /** A message was delivered to this server; {@code redelivered} when the broker had delivered it before. */
    default void received(String topic, String method, boolean redelivered) {
    }

    /**
     * A message reached this server {@code nanos} after its sender sent it: the broker's transit and
     * the time it waited in its queue. The send time is the sender's clock, so hosts out of step
     * shift it (a negative difference counts as 0).
     */
    default void delivered(String topic, String method, long nanos) {
    }

    /** A delivered message ended, {@code nanos} after it was read ({@code method} may be "unknown"). */
    default void handled(String topic, String method, HandlerOutcome outcome, long nanos) {
    }

    /** This process began consuming {@code queue} for {@code topic}: its depth is worth watching. */
    default void consuming(String topic, String queue) {
    }
}
