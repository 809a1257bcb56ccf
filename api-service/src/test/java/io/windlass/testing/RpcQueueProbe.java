package io.windlass.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.windlass.rpc.Envelope;
import io.windlass.rpc.RpcReply;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Stands in for the service behind a topic in tests: reads what the api-service sent to
 * {@code it-api.<topic>} on the real broker, and answers calls like the real server would.
 */
public final class RpcQueueProbe implements AutoCloseable {
    /** The test profile's namespace ({@code it-api}, overridable so parallel checkouts don't meet). */
    private static String namespace() {
        return ConfigProvider.getConfig().getValue("windlass.rpc.namespace", String.class);
    }

    private final Connection connection;
    private final Channel channel;
    private final String queue;
    private final ObjectMapper json;

    private RpcQueueProbe(String topic, ObjectMapper json, boolean purge) throws Exception {
        this.json = json;
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        factory.setUsername("guest");
        factory.setPassword("guest");
        this.connection = factory.newConnection("api-service-test-probe");
        this.channel = connection.createChannel();
        String exchange = namespace() + ".rpc";
        this.queue = namespace() + "." + topic;
        // same topology the RPC layer declares (classic queues in tests)
        channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true);
        channel.queueDeclare(queue, true, false, false, null);
        channel.queueBind(queue, exchange, topic);
        // leftovers of earlier runs or tests must not be mistaken for this test's messages
        if (purge) {
            channel.queuePurge(queue);
        }
    }

    /** Probe on {@code it-api.<topic>}, emptied. */
    public static RpcQueueProbe on(String topic, ObjectMapper json) throws Exception {
        return new RpcQueueProbe(topic, json, true);
    }

    /** Probe on {@code it-api.<topic>} as it is: for messages sent before the probe could be opened. */
    public static RpcQueueProbe keeping(String topic, ObjectMapper json) throws Exception {
        return new RpcQueueProbe(topic, json, false);
    }

    /** The next message, waiting up to {@code timeout}; fails when none comes. */
    public Received next(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            GetResponse response = channel.basicGet(queue, true);
            if (response != null) {
                return new Received(json.readValue(response.getBody(), Envelope.class), response.getProps());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no message on " + queue + " within " + timeout);
    }

    /** Everything queued now, without waiting. */
    public List<Envelope> drain() throws Exception {
        List<Envelope> out = new ArrayList<>();
        GetResponse response;
        while ((response = channel.basicGet(queue, true)) != null) {
            out.add(json.readValue(response.getBody(), Envelope.class));
        }
        return out;
    }

    /** Answers a call as an RPC server would. */
    public void reply(Received call, RpcReply reply) throws Exception {
        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .correlationId(call.properties().getCorrelationId())
                .build();
        channel.basicPublish("", call.properties().getReplyTo(), props, json.writeValueAsBytes(reply));
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }

    /**
     * A message as it arrived.
     *
     * @param envelope   decoded RPC envelope
     * @param properties AMQP properties (reply-to and correlation id for calls)
     */
    public record Received(Envelope envelope, AMQP.BasicProperties properties) {
    }
}
