package io.windlass.agent.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import io.windlass.rpc.RpcMethod;
import io.windlass.rpc.Envelope;
import io.windlass.rpc.RpcConnection;
import io.windlass.rpc.RpcTopics;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Stands in for the conductor in agent tests: consumes the test namespace's {@code conductor}
 * queue on the real broker and keeps every message the agent sent there.
 */
public final class ConductorProbe implements AutoCloseable {
    private final ObjectMapper json;
    private final Channel channel;
    private final List<Envelope> messages = new CopyOnWriteArrayList<>();

    private ConductorProbe(RpcConnection connection, ObjectMapper json) throws IOException {
        this.json = json;
        this.channel = connection.createChannel();
        String queue = connection.declareTopicQueue(channel, RpcTopics.CONDUCTOR);
        channel.basicConsume(queue, true,
                (tag, delivery) -> messages.add(json.readValue(delivery.getBody(), Envelope.class)), tag -> { });
    }

    public static ConductorProbe listen(RpcConnection connection, ObjectMapper json) throws IOException {
        return new ConductorProbe(connection, json);
    }

    /** Payloads of every {@code method} message received so far, in arrival order. */
    public <T> List<T> received(RpcMethod<T> method, Class<T> type) {
        return messages.stream()
                .filter(e -> e.method().equals(method.name()))
                .map(e -> json.convertValue(e.args(), type))
                .toList();
    }

    /** The first {@code method} payload matching {@code match}, waiting up to {@code wait}; fails the test otherwise. */
    public <T> T await(RpcMethod<T> method, Class<T> type, Predicate<? super T> match, Duration wait, String what) {
        Instant deadline = Instant.now().plus(wait);
        while (true) {
            for (T payload : received(method, type)) {
                if (match.test(payload)) {
                    return payload;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no " + what + " within " + wait);
            }
            pause();
        }
    }

    /** Polling interval of the tests' waits: short against sub-second engine operations. */
    public static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException, TimeoutException {
        channel.close();
    }
}
