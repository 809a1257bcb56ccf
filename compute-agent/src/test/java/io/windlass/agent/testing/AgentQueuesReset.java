package io.windlass.agent.testing;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.List;
import java.util.Map;

/**
 * Deletes the test namespace's queues before the agent starts, so that casts left over from an
 * earlier, interrupted run are neither executed by the agent nor mistaken for fresh reports.
 */
public class AgentQueuesReset implements QuarkusTestResourceLifecycleManager {
    /** The test namespace; a run may set its own (-D%test.windlass.rpc.namespace=...) to stay apart. */
    static final String NAMESPACE = System.getProperty("%test.windlass.rpc.namespace", "it-agent");
    public static final String HOST = "it-agent-host";

    @Override
    public Map<String, String> start() {
        var factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        factory.setUsername("guest");
        factory.setPassword("guest");
        try (Connection connection = factory.newConnection("compute-agent-it-reset");
             Channel ch = connection.createChannel()) {
            for (String queue : List.of(NAMESPACE + ".compute." + HOST, NAMESPACE + ".conductor")) {
                ch.queueDelete(queue);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot reset the test queues on RabbitMQ 127.0.0.1:5672", e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
        // queues stay for inspection after a failed run; the next run deletes them
    }
}
