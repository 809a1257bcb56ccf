package io.windlass.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.conductor.ConductorRpcApi.BuildContainer;
import io.windlass.container.ContainerStatus;
import io.windlass.context.RequestContext;
import io.windlass.rpc.Envelope;
import io.windlass.testing.ContainerRows;
import io.windlass.testing.RpcQueueProbe;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The casts the api-service owes the conductor commit with the change they announce and reach the
 * broker after it, also across a real RabbitMQ outage: the request is accepted, not refused.
 */
@QuarkusTest
class RpcOutboxIT {
    @Inject
    ObjectMapper json;
    @Inject
    ContainerRows rows;
    @Inject
    EntityManager em;
    @Inject
    ConductorRpcApi conductor;

    @Test
    void aCreateDuringABrokerOutageIsAcceptedAndBuiltOnceTheBrokerIsBack() throws Exception {
        RpcQueueProbe.on("conductor", json).close();
        rabbitmq("stop_app");
        String uuid;
        try {
            uuid = given().header("OpenStack-API-Version", "container 1.40").contentType("application/json")
                    .body("{\"name\": \"through-an-outage\", \"image\": \"busybox\"}")
                    .when().post("/container/v1/containers")
                    .then().statusCode(202).extract().path("uuid");
            assertEquals(ContainerStatus.CREATING, rows.find(UUID.fromString(uuid)).orElseThrow().status);
            assertEquals(1L, pending(), "the build waits in the outbox");
        } finally {
            rabbitmq("start_app");
        }
        awaitNoPending(Duration.ofSeconds(60));
        try (RpcQueueProbe probe = RpcQueueProbe.keeping("conductor", json)) {
            Envelope build = probe.next(Duration.ofSeconds(10)).envelope();
            assertEquals(ConductorRpcApi.BUILD_CONTAINER.name(), build.method());
            assertEquals(uuid, build.args().get("uuid").asText());
            assertTrue(probe.drain().isEmpty(), "sent once");
        }
    }

    @Test
    void aCastInATransactionThatRollsBackIsNeverSent() throws Exception {
        try (RpcQueueProbe probe = RpcQueueProbe.on("conductor", json)) {
            probe.drain();
            assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
                conductor.buildContainer(RequestContext.internal("test"),
                        new BuildContainer(UUID.randomUUID().toString(), false));
                throw new IllegalStateException("the row's insert failed");
            }));
            assertEquals(0L, pending());
            Thread.sleep(500);
            assertTrue(probe.drain().isEmpty());
            // and outside a transaction there is nothing for it to commit with
            assertThrows(IllegalStateException.class, () -> conductor.buildContainer(
                    RequestContext.internal("test"), new BuildContainer(UUID.randomUUID().toString(), false)));
        }
    }

    private long pending() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from rpc_outbox").getSingleResult()).longValue());
    }

    private void awaitNoPending(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the outbox still holds " + pending() + " cast(s) after " + timeout);
            }
            Thread.sleep(200);
        }
    }

    /** The local broker's application, stopped and started as an operator would (the test runs as root). */
    private static void rabbitmq(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("rabbitmqctl", command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("rabbitmqctl " + command + " failed: " + output);
        }
    }
}
