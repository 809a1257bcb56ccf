package io.windlass.console;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import io.windlass.rpc.RpcConnection;
import io.windlass.rpc.RpcException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One end of a console session relayed over RabbitMQ: it consumes its own queue and publishes to
 * the other end's. Either end may end the session ({@link #end}): the other is sent an end frame,
 * and each end deletes its own queue. So that nothing outlives a party that vanished without a
 * word (a crashed agent, an api-service restart), the queues are auto-delete with an expiry, and a
 * watch checks every {@link Settings#livenessInterval()} that the other end's queue still exists and
 * that the session has not been idle past {@link Settings#idleTimeout()}.
 * <p>The listener is called on the consuming connection's thread, one frame at a time, in order.
 */
public final class ConsoleStream {
    private static final Logger LOG = Logger.getLogger(ConsoleStream.class);
    private static final int NOT_FOUND = 404;

    /** What one end does with what the other sends. */
    public interface Listener {
        /** Bytes from the other end. */
        void onData(byte[] data);

        /** The session is over (ended by either end, the watch, or the broker); called once. */
        void onEnd(String reason);
    }

    /**
     * @param idleTimeout      a session in which no byte moved either way for this long ends; zero: never
     * @param livenessInterval how often the other end's queue is looked for (and idleness checked)
     * @param queueExpiry      a queue nobody consumed for this long goes (one whose consumer never came)
     */
    public record Settings(Duration idleTimeout, Duration livenessInterval, Duration queueExpiry) {
    }

    private final RpcConnection connection;
    private final String ownQueue;
    private final String peerQueue;
    private final Listener listener;
    private final Settings settings;
    private final ScheduledExecutorService timer;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Channel consumer;
    private final Channel publisher;
    private volatile long lastActivity = System.nanoTime();
    private volatile ScheduledFuture<?> watch;

    private ConsoleStream(RpcConnection connection, String ownQueue, String peerQueue, Listener listener,
                          Settings settings, ScheduledExecutorService timer) {
        this.connection = connection;
        this.timer = timer;
        this.ownQueue = ownQueue;
        this.peerQueue = peerQueue;
        this.listener = listener;
        this.settings = settings;
        this.consumer = connection.createChannel();
        this.publisher = connection.createClientChannel();
    }

    /** The api-service's end: it consumes {@link ConsoleQueues#toApi()}. */
    public static ConsoleStream apiEnd(RpcConnection connection, ConsoleQueues queues, Listener listener,
                                       Settings settings, ScheduledExecutorService timer) {
        return open(connection, queues.toApi(), queues.toAgent(), listener, settings, timer);
    }

    /** The agent's end: it consumes {@link ConsoleQueues#toAgent()}. */
    public static ConsoleStream agentEnd(RpcConnection connection, ConsoleQueues queues, Listener listener,
                                         Settings settings, ScheduledExecutorService timer) {
        return open(connection, queues.toAgent(), queues.toApi(), listener, settings, timer);
    }

    private static ConsoleStream open(RpcConnection connection, String own, String peer, Listener listener,
                                      Settings settings, ScheduledExecutorService timer) {
        ConsoleStream stream = new ConsoleStream(connection, own, peer, listener, settings, timer);
        try {
            stream.consumer.queueDeclare(own, false, false, true,
                    Map.of("x-expires", (int) Math.max(1000, settings.queueExpiry().toMillis())));
            stream.consumer.basicConsume(own, true, stream.new Deliveries());
        } catch (IOException | RuntimeException e) {
            stream.closeChannels();
            throw new RpcException("cannot open the console queue " + own + ": " + e.getMessage(), e);
        }
        return stream;
    }

    /**
     * Starts watching the other end, once its queue exists (the agent's end from the start; the
     * api-service's once the host answered that it opened its end).
     */
    public void watch() {
        long every = settings.livenessInterval().toMillis();
        watch = timer.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    /** Sends bytes to the other end; nothing once the session is over. */
    public void send(byte[] data) {
        if (data.length == 0 || ended.get()) {
            return;
        }
        lastActivity = System.nanoTime();
        if (!publish(ConsoleFrame.data(data))) {
            terminate("the broker refused the console's bytes");
        }
    }

    /** Ends the session from this side: the other end is told why. Idempotent. */
    public void end(String reason) {
        if (ended.get()) {
            return;
        }
        publish(ConsoleFrame.end(reason));
        terminate(reason);
    }

    public boolean isOpen() {
        return !ended.get();
    }

    private boolean publish(ConsoleFrame frame) {
        // one channel is not safe for concurrent publishes; a session's sends are few and small
        synchronized (publisher) {
            try {
                publisher.basicPublish("", peerQueue, frame.properties(), frame.data());
                return true;
            } catch (IOException | RuntimeException e) {
                LOG.debugf("console %s: publishing to %s failed: %s", ownQueue, peerQueue, e.getMessage());
                return false;
            }
        }
    }

    /** Ends this side without a word to the other (which has gone, or said so itself). */
    private void terminate(String reason) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        ScheduledFuture<?> w = watch;
        if (w != null) {
            w.cancel(false);
        }
        // not on the consuming thread, which may be the one delivering the end frame
        timer.execute(() -> {
            try {
                consumer.queueDelete(ownQueue);
            } catch (IOException | RuntimeException e) {
                LOG.debugf("console %s: deleting its queue: %s (auto-delete removes it)", ownQueue, e.getMessage());
            }
            closeChannels();
        });
        try {
            listener.onEnd(reason);
        } catch (RuntimeException e) {
            LOG.warnf(e, "console %s: its end handler failed", ownQueue);
        }
    }

    private void check() {
        try {
            long idle = System.nanoTime() - lastActivity;
            if (!settings.idleTimeout().isZero() && idle > settings.idleTimeout().toNanos()) {
                end("the session was idle for " + settings.idleTimeout().toSeconds() + " s");
            } else if (!peerQueueExists()) {
                terminate("the other end of the session has gone");
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "console %s: watch failed", ownQueue);
        }
    }

    /** A passive declare fails with 404 once the queue has gone; it closes the channel it ran on, so it has its own. */
    private boolean peerQueueExists() {
        Channel probe = connection.createClientChannel();
        try {
            probe.queueDeclarePassive(peerQueue);
            return true;
        } catch (IOException e) {
            return !(e.getCause() instanceof ShutdownSignalException s
                    && s.getReason() instanceof AMQP.Channel.Close close && close.getReplyCode() == NOT_FOUND);
        } finally {
            closeQuietly(probe);
        }
    }

    private void closeChannels() {
        closeQuietly(consumer);
        closeQuietly(publisher);
    }

    private static void closeQuietly(Channel channel) {
        try {
            if (channel.isOpen()) {
                channel.close();
            }
        } catch (IOException | java.util.concurrent.TimeoutException | RuntimeException e) {
            // already closed by the broker or the connection
        }
    }

    private final class Deliveries extends DefaultConsumer {
        Deliveries() {
            super(consumer);
        }

        @Override
        public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
            ConsoleFrame frame = ConsoleFrame.of(props, body);
            if (frame.kind() == ConsoleFrame.Kind.END) {
                terminate(frame.reason());
                return;
            }
            if (frame.data().length > 0 && !ended.get()) {
                lastActivity = System.nanoTime();
                listener.onData(frame.data());
            }
        }

        @Override
        public void handleCancel(String tag) {
            // the broker cancelled the consumer: the queue was deleted under it
            terminate("the session's queue was deleted");
        }
    }
}
