package io.windlass.rpc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.rabbitmq.client.GetResponse;
import io.windlass.context.RequestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Cast, call, errors and version checks against the real RabbitMQ on 127.0.0.1:5672. */
class RpcRoundTripIT {

    record Ping(String text) {
    }

    record Pong(String text, String requestId) {
    }

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private RpcConnection connection;
    private RpcClient client;
    private RpcServer server;
    private final RequestContext ctx = new RequestContext("req-1", "req-1", "u", "p", List.of("member"));

    @BeforeEach
    void connect() {
        String namespace = "it-" + UUID.randomUUID().toString().substring(0, 8);
        // classic queues so the test leaves nothing replicated behind; auto-deleted below
        RpcSettings settings = new RpcSettings("127.0.0.1", 5672, "guest", "guest", "/", namespace, false,
                Duration.ofSeconds(5), 4);
        connection = new RpcConnection(settings, "rpc-it");
        client = new RpcClient(connection, json);
        server = new RpcServer(connection, json);
    }

    @AfterEach
    void disconnect() throws Exception {
        server.close();
        try (var ch = connection.createChannel()) {
            for (String topic : List.of("echo", "nobody")) {
                ch.queueDelete(connection.settings().queueFor(topic));
            }
            ch.exchangeDelete(connection.settings().exchange());
        }
        client.close();
        connection.close();
    }

    @Test
    void castIsDeliveredWithItsContext() throws Exception {
        CompletableFuture<Pong> seen = new CompletableFuture<>();
        server.serve(new RpcEndpoint("echo", new RpcVersion(1, 2))
                .on("ping", Ping.class, (c, a) -> seen.complete(new Pong(a.text(), c.requestId()))), 1);
        client.cast("echo", "ping", new RpcVersion(1, 1), ctx, new Ping("hello"));
        assertEquals(new Pong("hello", "req-1"), seen.get(10, TimeUnit.SECONDS));
    }

    @Test
    void callReturnsTheHandlersResult() {
        server.serve(new RpcEndpoint("echo", new RpcVersion(1, 0))
                .on("ping", Ping.class, (c, a) -> new Pong(a.text().toUpperCase(), c.requestId())), 2);
        Pong pong = client.call("echo", "ping", new RpcVersion(1, 0), ctx, new Ping("hi"), Pong.class,
                Duration.ofSeconds(10));
        assertEquals(new Pong("HI", "req-1"), pong);
    }

    @Test
    void namedHandlerFailureReachesTheCaller() {
        server.serve(new RpcEndpoint("echo", new RpcVersion(1, 0)).on("ping", Ping.class, (c, a) -> {
            throw new RpcHandlerException("NoValidHost", "no host has 64 GiB free");
        }), 1);
        RemoteException e = assertThrows(RemoteException.class, () -> client.call("echo", "ping",
                new RpcVersion(1, 0), ctx, new Ping("x"), Pong.class, Duration.ofSeconds(10)));
        assertEquals("NoValidHost", e.type());
        assertEquals("no host has 64 GiB free", e.getMessage());
    }

    @Test
    void newerMinorOrOtherMajorIsRefused() {
        server.serve(new RpcEndpoint("echo", new RpcVersion(1, 0))
                .on("ping", Ping.class, (c, a) -> new Pong(a.text(), null)), 1);
        RemoteException e = assertThrows(RemoteException.class, () -> client.call("echo", "ping",
                new RpcVersion(1, 1), ctx, new Ping("x"), Pong.class, Duration.ofSeconds(10)));
        assertEquals("IncompatibleVersion", e.type());
        RemoteException major = assertThrows(RemoteException.class, () -> client.call("echo", "ping",
                new RpcVersion(2, 0), ctx, new Ping("x"), Pong.class, Duration.ofSeconds(10)));
        assertEquals("IncompatibleVersion", major.type());
    }

    @Test
    void transientCastIsNotPersistedAndDurableCastsStillGetTheirConfirms() throws Exception {
        String queue = connection.settings().queueFor("nobody");
        // one per publish channel, so the durable cast below shares a channel with an unconfirmed one
        for (int i = 0; i < 4; i++) {
            client.castTransient("nobody", "report", new RpcVersion(1, 0), ctx, new Ping("t" + i));
        }
        client.cast("nobody", "ping", new RpcVersion(1, 0), ctx, new Ping("durable"));

        List<Integer> deliveryModes = new ArrayList<>();
        try (var ch = connection.createChannel()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (deliveryModes.size() < 5 && System.nanoTime() < deadline) {
                GetResponse got = ch.basicGet(queue, true);
                if (got == null) {
                    Thread.sleep(20);
                } else {
                    deliveryModes.add(got.getProps().getDeliveryMode());
                }
            }
        }
        // publishes on different channels may arrive in any order
        assertEquals(List.of(1, 1, 1, 1, 2), deliveryModes.stream().sorted().toList());
    }

    @Test
    void transientFailureIsRetriedOnce() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<Integer> done = new CompletableFuture<>();
        server.serve(new RpcEndpoint("echo", new RpcVersion(1, 0)).on("ping", Ping.class, (c, a) -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("database briefly unavailable");
            }
            done.complete(attempts.get());
            return null;
        }), 1);
        client.cast("echo", "ping", new RpcVersion(1, 0), ctx, new Ping("x"));
        assertEquals(2, done.get(10, TimeUnit.SECONDS));
    }

    @Test
    void handlersWaitingOnCallsDoNotStarveTheirOwnReplies() throws Exception {
        // a second "process" (its own connection) serves the inner topic
        RpcSettings other = new RpcSettings("127.0.0.1", 5672, "guest", "guest", "/",
                connection.settings().namespace(), false, Duration.ofSeconds(5), 2);
        try (RpcConnection innerConnection = new RpcConnection(other, "rpc-it-inner");
             RpcServer innerServer = new RpcServer(innerConnection, json)) {
            innerServer.serve(new RpcEndpoint("nobody", new RpcVersion(1, 0))
                    .on("ping", Ping.class, (c, a) -> new Pong(a.text(), null)), 1);
            // as many busy handlers as this process has workers, each waiting for a reply
            int workers = connection.settings().consumerThreads();
            java.util.concurrent.CountDownLatch answered = new java.util.concurrent.CountDownLatch(workers);
            server.serve(new RpcEndpoint("echo", new RpcVersion(1, 0)).on("ping", Ping.class, (c, a) -> {
                client.call("nobody", "ping", new RpcVersion(1, 0), c, a, Pong.class, Duration.ofSeconds(5));
                answered.countDown();
                return null;
            }), workers);
            for (int i = 0; i < workers; i++) {
                client.cast("echo", "ping", new RpcVersion(1, 0), ctx, new Ping("x" + i));
            }
            assertEquals(true, answered.await(10, TimeUnit.SECONDS), "every handler got its reply");
        }
    }

    @Test
    void aTopicWithMoreConsumersThanThreadsRunsThemAllAtOnce() throws Exception {
        int consumers = connection.settings().consumerThreads() * 3;
        // each handler waits until all of them run: with fewer threads than consumers none would finish
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(consumers);
        java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(consumers);
        server.serve(new RpcEndpoint("echo", new RpcVersion(1, 0)).on("ping", Ping.class, (c, a) -> {
            running.countDown();
            if (running.await(10, TimeUnit.SECONDS)) {
                finished.countDown();
            }
            return null;
        }), consumers);
        for (int i = 0; i < consumers; i++) {
            client.cast("echo", "ping", new RpcVersion(1, 0), ctx, new Ping("x" + i));
        }
        assertEquals(true, finished.await(15, TimeUnit.SECONDS),
                "handlers that ran at once: " + (consumers - running.getCount()) + " of " + consumers);
        assertEquals(consumers, connection.handlerThreads());
        // a topic with fewer consumers leaves the threads as they are
        server.serve(new RpcEndpoint("nobody", new RpcVersion(1, 0)).on("ping", Ping.class, (c, a) -> null), 1);
        assertEquals(consumers, connection.handlerThreads());
    }

    @Test
    void aServerPinnedToAnOlderReleaseServesOnlyWhatThatReleaseHad() {
        RpcMethod<Ping> old = RpcMethod.of("ping", Ping.class, new RpcVersion(1, 0));
        RpcMethod<Ping> added = RpcMethod.of("shout", Ping.class, new RpcVersion(1, 3));
        RpcServer pinned = new RpcServer(connection, json, Map.of("echo", new RpcVersion(1, 2)));
        try {
            pinned.serve(new RpcEndpoint("echo", new RpcVersion(1, 3))
                    .on(old, (c, a) -> new Pong(a.text(), c.requestId()))
                    .on(added, (c, a) -> new Pong(a.text().toUpperCase(), c.requestId())), 1);

            assertEquals("hi", client.call("echo", old, ctx, new Ping("hi"), Pong.class, Duration.ofSeconds(5)).text(),
                    "a 1.0 method goes out at 1.0 and the 1.2 server has it");
            RemoteException unknown = assertThrows(RemoteException.class, () -> client.call("echo", "shout",
                    new RpcVersion(1, 2), ctx, new Ping("hi"), Pong.class, Duration.ofSeconds(5)));
            assertEquals("UnknownMethod", unknown.type(), "the 1.2 release had no shout");

            RpcClient capped = new RpcClient(connection, json, Map.of("echo", new RpcVersion(1, 2)));
            try {
                RpcVersionCapExceeded refused = assertThrows(RpcVersionCapExceeded.class,
                        () -> capped.call("echo", added, ctx, new Ping("hi"), Pong.class, Duration.ofSeconds(5)));
                assertEquals("shout", refused.method());
                assertEquals("hi", capped.call("echo", old, ctx, new Ping("hi"), Pong.class, Duration.ofSeconds(5))
                        .text());
            } finally {
                capped.close();
            }
        } finally {
            pinned.close();
        }
    }

    @Test
    void callWithoutServerTimesOut() {
        assertThrows(RpcTimeoutException.class, () -> client.call("nobody", "ping", new RpcVersion(1, 0), ctx,
                new Ping("x"), Pong.class, Duration.ofMillis(300)));
    }
}
