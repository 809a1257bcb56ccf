package io.windlass.system;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import io.windlass.rpc.RpcTopics;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeoutException;

/** The RabbitMQ topology of one run's namespace, deleted when the run ends. */
public final class TestBroker {
    private final String namespace;
    private final String agentHost;
    private final List<String> simulatedHosts = new java.util.concurrent.CopyOnWriteArrayList<>();

    public TestBroker(String namespace, String agentHost) {
        this.namespace = namespace;
        this.agentHost = agentHost;
    }

    /** The compute queues of hosts a fake agent simulates are the run's too. */
    void alsoDeleteComputeQueuesOf(List<String> hosts) {
        simulatedHosts.addAll(hosts);
    }

    List<String> queues() {
        List<String> topics = new java.util.ArrayList<>(List.of(RpcTopics.CONDUCTOR, RpcTopics.SCHEDULER,
                RpcTopics.compute(agentHost)));
        simulatedHosts.forEach(h -> topics.add(RpcTopics.compute(h)));
        return topics.stream().map(topic -> namespace + "." + topic).toList();
    }

    String exchange() {
        return namespace + ".rpc";
    }

    /** Deletes the run's queues and exchange; each on its own channel, as a missing one closes it. */
    public void delete() throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        factory.setUsername("guest");
        factory.setPassword("guest");
        try (Connection connection = factory.newConnection("system-test-cleanup")) {
            for (String queue : queues()) {
                try (Channel ch = connection.createChannel()) {
                    ch.queueDelete(queue);
                } catch (IOException | ShutdownSignalException e) {
                    // never declared in this run (e.g. a service failed to start): nothing to delete
                }
            }
            try (Channel ch = connection.createChannel()) {
                ch.exchangeDelete(exchange());
            } catch (IOException | ShutdownSignalException e) {
                // same as above
            }
        }
    }
}
