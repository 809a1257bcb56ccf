package io.windlass.rpc;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One AMQP connection per process, with automatic recovery, and the topology every
 * side declares (declaring is idempotent, so whoever comes first creates it).
 */
public class RpcConnection implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RpcConnection.class);

    private final RpcSettings settings;
    private final Connection connection;
    private final ExecutorService consumerPool;
    private final Set<String> declaredQueues = ConcurrentHashMap.newKeySet();

    public RpcConnection(RpcSettings settings, String connectionName) {
        this.settings = settings;
        AtomicInteger threads = new AtomicInteger();
        this.consumerPool = Executors.newFixedThreadPool(settings.consumerThreads(), r -> {
            Thread t = new Thread(r, "rpc-worker-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(settings.host());
        factory.setPort(settings.port());
        factory.setUsername(settings.username());
        factory.setPassword(settings.password());
        factory.setVirtualHost(settings.virtualHost());
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(2000);
        factory.setSharedExecutor(consumerPool);
        try {
            this.connection = factory.newConnection(connectionName);
            try (Channel ch = connection.createChannel()) {
                ch.exchangeDeclare(settings.exchange(), BuiltinExchangeType.TOPIC, true);
            }
        } catch (IOException | TimeoutException e) {
            consumerPool.shutdownNow();
            throw new RpcException("cannot connect to RabbitMQ at " + settings.host() + ":" + settings.port()
                    + ": " + e.getMessage(), e);
        }
        LOG.infof("connected to RabbitMQ %s:%d as %s (namespace %s)", settings.host(), settings.port(),
                connectionName, settings.namespace());
    }

    public RpcSettings settings() {
        return settings;
    }

    public Channel createChannel() {
        try {
            return connection.createChannel();
        } catch (IOException e) {
            throw new RpcException("cannot open a channel: " + e.getMessage(), e);
        }
    }

    public boolean isOpen() {
        return connection.isOpen();
    }

    /**
     * Declares the durable queue of a topic and binds it; cached so that casts do it once.
     * Senders declare too, so a cast to an agent that is down waits in its queue.
     */
    public String declareTopicQueue(Channel channel, String topic) throws IOException {
        String queue = settings.queueFor(topic);
        if (declaredQueues.contains(queue)) {
            return queue;
        }
        Map<String, Object> arguments = new HashMap<>();
        if (settings.quorumQueues()) {
            arguments.put("x-queue-type", "quorum");
            // a message whose handler keeps crashing is dropped after this many deliveries
            arguments.put("x-delivery-limit", 5);
        }
        channel.queueDeclare(queue, true, false, false, arguments);
        channel.queueBind(queue, settings.exchange(), topic);
        declaredQueues.add(queue);
        return queue;
    }

    @Override
    public void close() {
        try {
            if (connection.isOpen()) {
                connection.close(5000);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf("closing RabbitMQ connection: %s", e.getMessage());
        } finally {
            consumerPool.shutdownNow();
        }
    }
}
