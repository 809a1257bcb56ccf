package io.windlass.rpc;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.impl.recovery.RecordedBinding;
import com.rabbitmq.client.impl.recovery.RecordedExchange;
import com.rabbitmq.client.impl.recovery.RecordedQueue;
import com.rabbitmq.client.impl.recovery.TopologyRecoveryFilter;
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
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process's AMQP connections, with automatic recovery, and the topology every side
 * declares (declaring is idempotent, so whoever comes first creates it).
 * <p>Two connections, because amqp-client runs all deliveries of a connection on that
 * connection's worker pool: if call replies shared the pool with the handlers, handlers that
 * wait for a reply (the conductor calling the scheduler) could occupy every worker and the
 * replies they wait for would never be delivered. Publishing on its own connection also keeps
 * broker flow control on publishers from stalling consumers.
 */
public class RpcConnection implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RpcConnection.class);

    private final RpcSettings settings;
    private final Connection connection;
    private final Connection clientConnection;
    private final ThreadPoolExecutor consumerPool;
    private final ExecutorService replyPool;
    private final Set<String> declaredQueues = ConcurrentHashMap.newKeySet();

    public RpcConnection(RpcSettings settings, String connectionName) {
        this.settings = settings;
        this.consumerPool = pool("rpc-worker", settings.consumerThreads());
        this.replyPool = pool("rpc-reply", 2);
        try {
            this.connection = factory(settings, consumerPool).newConnection(connectionName);
            this.clientConnection = factory(settings, replyPool).newConnection(connectionName + "-client");
            try (Channel ch = connection.createChannel()) {
                if (settings.declareTopology()) {
                    ch.exchangeDeclare(settings.exchange(), BuiltinExchangeType.TOPIC, true);
                } else {
                    // needs no permission: fails only if the control plane has not made it yet
                    ch.exchangeDeclarePassive(settings.exchange());
                }
            }
        } catch (IOException | TimeoutException e) {
            close();
            throw new RpcException("cannot connect to RabbitMQ at " + settings.host() + ":" + settings.port()
                    + ": " + e.getMessage(), e);
        }
        LOG.infof("connected to RabbitMQ %s:%d as %s (namespace %s)", settings.host(), settings.port(),
                connectionName, settings.namespace());
    }

    private static ThreadPoolExecutor pool(String name, int size) {
        AtomicInteger threads = new AtomicInteger();
        return (ThreadPoolExecutor) Executors.newFixedThreadPool(size, r -> {
            Thread t = new Thread(r, name + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Makes room for {@code consumers} handlers of one topic to run at once. The handler threads
     * ({@code consumer-threads}) are shared by every consumer of the process, and amqp-client runs a
     * channel's deliveries only on a free one: a topic served by more consumers than there are
     * threads would silently work on fewer messages at once than its setting says (an agent's
     * {@code windlass.agent.consumers}, the conductor's {@code rpc-consumers}). So the threads grow
     * to the most consumers any one topic has. Not to their sum: a process that also serves many
     * single-consumer topics (an agent's simulated hosts) keeps them sharing the configured threads.
     */
    public synchronized void makeRoomForConsumers(int consumers) {
        int threads = consumerPool.getMaximumPoolSize();
        if (consumers > threads) {
            // the maximum first: a core size above the maximum is refused
            consumerPool.setMaximumPoolSize(consumers);
            consumerPool.setCorePoolSize(consumers);
            LOG.infof("RPC handler threads raised from %d to %d, for as many consumers of one topic", threads,
                    consumers);
        }
    }

    /** How many handlers of this process can run at once. */
    public int handlerThreads() {
        return consumerPool.getMaximumPoolSize();
    }

    private static ConnectionFactory factory(RpcSettings settings, ExecutorService workers) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(settings.host());
        factory.setPort(settings.port());
        factory.setUsername(settings.username());
        factory.setPassword(settings.password());
        factory.setVirtualHost(settings.virtualHost());
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        // the exchange, the topic queues and their bindings are durable and outlive a broker
        // restart; they were declared on channels that are often closed since (a declaration
        // channel, a publish channel replaced after an error), and recovering them there fails
        // with an error in the log. Only consumers, and what dies with the connection, recover.
        factory.setTopologyRecoveryFilter(new TopologyRecoveryFilter() {
            @Override
            public boolean filterExchange(RecordedExchange exchange) {
                return false;
            }

            @Override
            public boolean filterQueue(RecordedQueue queue) {
                return !queue.isDurable() || queue.isExclusive() || queue.isAutoDelete();
            }

            @Override
            public boolean filterBinding(RecordedBinding binding) {
                return false;
            }
        });
        factory.setNetworkRecoveryInterval(2000);
        factory.setExceptionHandler(new BrokerLossLogging());
        factory.setSharedExecutor(workers);
        return factory;
    }

    public RpcSettings settings() {
        return settings;
    }

    /** A channel for consuming (servers). */
    public Channel createChannel() {
        return open(connection);
    }

    /** A channel for publishing and receiving call replies (clients). */
    public Channel createClientChannel() {
        return open(clientConnection);
    }

    private static Channel open(Connection on) {
        try {
            return on.createChannel();
        } catch (IOException e) {
            throw new RpcException("cannot open a channel: " + e.getMessage(), e);
        }
    }

    public boolean isOpen() {
        return connection.isOpen() && clientConnection.isOpen();
    }

    /**
     * Declares the durable queue of a topic and binds it; cached so that casts do it once.
     * Senders declare too ({@link #declareTarget}), so a cast to an agent that is down waits in its queue.
     */
    /**
     * Makes sure a sender's target queue exists, where this process may declare queues; one that
     * may not (an agent) sends to the queues the control plane has declared (the conductor's and
     * the scheduler's exist once those have started).
     */
    public void declareTarget(Channel channel, String topic) throws IOException {
        if (settings.declareTopology()) {
            declareTopicQueue(channel, topic);
        }
    }

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
        closeQuietly(clientConnection);
        closeQuietly(connection);
        consumerPool.shutdownNow();
        replyPool.shutdownNow();
    }

    private static void closeQuietly(Connection c) {
        try {
            if (c != null && c.isOpen()) {
                c.close(5000);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf("closing RabbitMQ connection: %s", e.getMessage());
        }
    }
}
