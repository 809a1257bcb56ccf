package io.windlass.rpc;

import org.jboss.logging.Logger;

/**
 * Hands each event to the real {@link RpcMetrics} and swallows whatever it throws: a meter that
 * fails (a registry closed at shutdown, a bug) must never fail or redeliver a message.
 */
final class GuardedRpcMetrics implements RpcMetrics {
    private static final Logger LOG = Logger.getLogger(GuardedRpcMetrics.class);

    private final RpcMetrics delegate;

    GuardedRpcMetrics(RpcMetrics delegate) {
        this.delegate = delegate;
    }

    @Override
    public void sent(String topic, String method, SendMode mode) {
        guard(() -> delegate.sent(topic, method, mode));
    }

    @Override
    public void confirmed(String topic, String method) {
        guard(() -> delegate.confirmed(topic, method));
    }

    @Override
    public void sendFailed(String topic, String method, SendMode mode) {
        guard(() -> delegate.sendFailed(topic, method, mode));
    }

    @Override
    public void callEnded(String topic, String method, CallOutcome outcome, long nanos) {
        guard(() -> delegate.callEnded(topic, method, outcome, nanos));
    }

    @Override
    public void received(String topic, String method, boolean redelivered) {
        guard(() -> delegate.received(topic, method, redelivered));
    }

    @Override
    public void delivered(String topic, String method, long nanos) {
        guard(() -> delegate.delivered(topic, method, nanos));
    }

    @Override
    public void handled(String topic, String method, HandlerOutcome outcome, long nanos) {
        guard(() -> delegate.handled(topic, method, outcome, nanos));
    }

    @Override
    public void consuming(String topic, String queue) {
        guard(() -> delegate.consuming(topic, queue));
    }

    private static void guard(Runnable record) {
        try {
            record.run();
        } catch (RuntimeException e) {
            LOG.debugf("RPC meter not recorded: %s", e);
        }
    }
}
