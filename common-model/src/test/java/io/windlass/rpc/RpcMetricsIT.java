package io.windlass.rpc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.windlass.context.RequestContext;
import io.windlass.rpc.cdi.MicrometerRpcMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The RPC meters as the real RabbitMQ on 127.0.0.1:5672 moves them: every outcome a handler can have. */
class RpcMetricsIT {
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RequestContext ctx = new RequestContext("req-m", "req-m", "u", "p", List.of("member"));
    private RpcConnection connection;
    private QueueDepths depths;
    private RpcClient client;
    private RpcServer server;

    @BeforeEach
    void connect() {
        RpcSettings settings = new RpcSettings("127.0.0.1", 5672, "guest", "guest", "/",
                "it-h2-m-" + UUID.randomUUID().toString().substring(0, 8), false, Duration.ofSeconds(5), 4);
        connection = new RpcConnection(settings, "rpc-metrics-it");
        depths = new QueueDepths(connection, Duration.ofMillis(200));
        MicrometerRpcMetrics metrics = new MicrometerRpcMetrics(registry, depths);
        client = new RpcClient(connection, json, java.util.Map.of(), metrics);
        server = new RpcServer(connection, json, java.util.Map.of(), metrics);
    }

    @AfterEach
    void disconnect() throws Exception {
        server.close();
        depths.close();
        try (var ch = connection.createChannel()) {
            ch.queueDelete(connection.settings().queueFor("echo.h1"));
            ch.exchangeDelete(connection.settings().exchange());
        }
        client.close();
        connection.close();
    }

    @Test
    void castsCallsAndEveryHandlerOutcomeAreCountedByApiAndMethod() throws Exception {
        CountDownLatch secondAttempt = new CountDownLatch(1);
        server.serve(new RpcEndpoint("echo.h1", new RpcVersion(1, 0))
                .on("ping", String.class, (c, a) -> a)
                .on("refuse", String.class, (c, a) -> {
                    throw new RpcHandlerException("Nope", a);
                })
                .on("crash", String.class, (c, a) -> {
                    if (secondAttempt.getCount() == 0) {
                        throw new IllegalStateException("already crashed twice");
                    }
                    try {
                        throw new IllegalStateException("crash " + a);
                    } finally {
                        if (registry.find("windlass.rpc.server.received").tags("method", "crash").counter()
                                .count() >= 2) {
                            secondAttempt.countDown();
                        }
                    }
                }), 1);

        client.cast("echo.h1", "ping", new RpcVersion(1, 0), ctx, "one");
        assertEquals("two", client.call("echo.h1", "ping", new RpcVersion(1, 0), ctx, "two", String.class,
                Duration.ofSeconds(10)));
        assertThrows(RemoteException.class, () -> client.call("echo.h1", "refuse", new RpcVersion(1, 0), ctx, "x",
                String.class, Duration.ofSeconds(10)));
        client.cast("echo.h1", "crash", new RpcVersion(1, 0), ctx, "y");
        client.cast("echo.h1", "no_such_method", new RpcVersion(1, 0), ctx, "z");

        assertTrue(secondAttempt.await(10, TimeUnit.SECONDS));
        eventually(() -> registry.find("windlass.rpc.server.failures").tags("outcome", "rejected").counters().stream()
                .mapToDouble(c -> c.count()).sum(), 1.0);
        eventually(() -> count("windlass.rpc.server.failures", "crash", "dropped"), 1.0);

        // client side: the hosts' topic "echo.h1" is tagged by its API, "echo"
        assertEquals(2.0, registry.get("windlass.rpc.client.sent").tags("topic", "echo", "method", "ping").counters()
                .stream().mapToDouble(c -> c.count()).sum());
        assertEquals(1.0, registry.get("windlass.rpc.client.confirmed").tags("topic", "echo", "method", "ping")
                .counter().count());
        assertEquals(1, registry.get("windlass.rpc.client.call").tags("method", "ping", "outcome", "reply").timer()
                .count());
        assertEquals(1, registry.get("windlass.rpc.client.call").tags("method", "refuse", "outcome", "remote_error")
                .timer().count());
        // server side
        assertEquals(2.0, registry.get("windlass.rpc.server.received").tags("topic", "echo", "method", "ping")
                .counter().count());
        assertEquals(2, registry.get("windlass.rpc.server.handler").tags("method", "ping", "outcome", "ok").timer()
                .count());
        // each delivery timed from its send, on this one clock: more than nothing, less than the test took
        var delivery = registry.get("windlass.rpc.server.delivery").tags("topic", "echo", "method", "ping").timer();
        assertEquals(2, delivery.count());
        assertTrue(delivery.max(TimeUnit.NANOSECONDS) > 0, "a delivery took no time at all");
        assertTrue(delivery.max(TimeUnit.SECONDS) < 30, "a delivery timed from the wrong clock");
        assertEquals(1.0, count("windlass.rpc.server.failures", "refuse", "refused"));
        assertEquals(1.0, count("windlass.rpc.server.failures", "crash", "retried"));
        assertEquals(1.0, registry.get("windlass.rpc.server.redelivered").tags("method", "crash").counter().count());
        assertEquals(1.0, count("windlass.rpc.server.failures", RpcEndpoint.UNKNOWN_METHOD, "rejected"));
    }

    @Test
    void theDepthOfAConsumedQueueIsSampled() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.serve(new RpcEndpoint("echo.h1", new RpcVersion(1, 0)).on("wait", String.class, (c, a) -> {
            release.await(20, TimeUnit.SECONDS);
            return a;
        }), 1);
        for (int i = 0; i < 4; i++) {
            client.cast("echo.h1", "wait", new RpcVersion(1, 0), ctx, "m" + i);
        }
        String queue = connection.settings().queueFor("echo.h1");
        // one in the handler (unacked, not ready), three waiting
        eventually(() -> registry.get("windlass.rpc.queue.depth").tags("queue", queue, "topic", "echo").gauge()
                .value(), 3.0);
        assertEquals(1.0, registry.get("windlass.rpc.queue.consumers").tags("queue", queue).gauge().value());
        release.countDown();
        eventually(() -> registry.get("windlass.rpc.queue.depth").tags("queue", queue).gauge().value(), 0.0);
    }

    private double count(String name, String method, String outcome) {
        var counter = registry.find(name).tags("method", method, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static void eventually(DoubleSupplier value, double expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        double last = Double.NaN;
        while (System.nanoTime() < deadline) {
            last = value.getAsDouble();
            if (last == expected) {
                return;
            }
            Thread.sleep(50);
        }
        assertEquals(expected, last);
    }
}
