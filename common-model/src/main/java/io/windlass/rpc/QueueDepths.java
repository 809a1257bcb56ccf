package io.windlass.rpc;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The depth of the queues this process consumes, read by a passive declare of each every
 * {@code interval} on one thread of its own. A scrape only reads the last sample: it never waits
 * for the broker, and the broker sees one cheap declare per queue per interval however often the
 * service is scraped. A sample older than three intervals (the broker away or not answering) is
 * reported as unknown (NaN) rather than as a stale number.
 */
public final class QueueDepths implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(QueueDepths.class);

    /** One reading of a queue: messages ready for delivery and consumers attached, when it was read. */
    record Sample(long ready, long consumers, long readAtNanos) {
    }

    private final RpcConnection connection;
    private final Duration interval;
    private final Set<String> queues = ConcurrentHashMap.newKeySet();
    private final Map<String, Sample> latest = new ConcurrentHashMap<>();
    private ScheduledExecutorService sampler;
    private Channel channel;

    public QueueDepths(RpcConnection connection, Duration interval) {
        this.connection = connection;
        this.interval = interval;
    }

    /** Starts sampling {@code queue} (and the sampler itself, with the first queue). */
    public synchronized void watch(String queue) {
        queues.add(queue);
        if (sampler == null) {
            sampler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "rpc-queue-depth");
                t.setDaemon(true);
                return t;
            });
            sampler.scheduleWithFixedDelay(this::sampleAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Messages ready in {@code queue} at the last sample, NaN when unknown. */
    public double ready(String queue) {
        Sample sample = fresh(queue);
        return sample == null ? Double.NaN : sample.ready();
    }

    /** Consumers of {@code queue} at the last sample, NaN when unknown. */
    public double consumers(String queue) {
        Sample sample = fresh(queue);
        return sample == null ? Double.NaN : sample.consumers();
    }

    private Sample fresh(String queue) {
        Sample sample = latest.get(queue);
        return sample == null || System.nanoTime() - sample.readAtNanos() > 3 * interval.toNanos() ? null : sample;
    }

    /** One round over the watched queues (runs on the sampler's thread; public for tests). */
    void sampleAll() {
        for (String queue : queues) {
            try {
                AMQP.Queue.DeclareOk ok = channel().queueDeclarePassive(queue);
                latest.put(queue, new Sample(ok.getMessageCount(), ok.getConsumerCount(), System.nanoTime()));
            } catch (IOException | RuntimeException e) {
                // the broker away, or the queue deleted (which closes the channel): unknown until the next round
                latest.remove(queue);
                LOG.debugf("depth of %s not read: %s", queue, e.getMessage());
            }
        }
    }

    private Channel channel() {
        if (channel == null || !channel.isOpen()) {
            channel = connection.createChannel();
        }
        return channel;
    }

    @Override
    public synchronized void close() {
        if (sampler != null) {
            sampler.shutdownNow();
        }
        try {
            if (channel != null && channel.isOpen()) {
                channel.close();
            }
        } catch (IOException | TimeoutException | RuntimeException e) {
            LOG.debugf("closing the queue depth channel: %s", e.getMessage());
        }
    }
}
