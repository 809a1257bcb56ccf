package io.windlass.agent.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.agent.testing.AgentQueuesReset;
import io.windlass.agent.testing.ConductorProbe;
import io.windlass.agent.testing.ContainerSpecs;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.container.ContainerStatus;
import io.windlass.container.ContainerStatusReport;
import io.windlass.container.CreateContainer;
import io.windlass.container.DeleteContainer;
import io.windlass.context.RequestContext;
import io.windlass.metrics.ScrapedMetrics;
import io.windlass.rpc.RpcConnection;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToDoubleFunction;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent's RPC, engine and queue series as a scrape of {@code /q/metrics} shows them after one
 * container is created and deleted over the real RabbitMQ on the real dockerd.
 */
@QuarkusTest
@WithTestResource(AgentQueuesReset.class)
class AgentMetricsIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ComputeRpcApi compute;
    @Inject
    RpcConnection connection;
    @Inject
    ObjectMapper json;

    private final RequestContext ctx = new RequestContext("req-" + UUID.randomUUID(), "req-global", "tester",
            "project-1", List.of("admin"));

    @Test
    void aCreateAndADeleteMoveTheHandlerEngineAndReportSeries() throws Exception {
        String uuid = UUID.randomUUID().toString();
        ScrapedMetrics before = scrape();
        try (ConductorProbe conductor = ConductorProbe.listen(connection, json)) {
            compute.createContainer(AgentQueuesReset.HOST, ctx, new CreateContainer(ContainerSpecs.container(uuid)
                    .name("it-metrics").image("busybox").command(List.of("sleep", "300")).limits(0.5, 64)
                    .labels(Map.of("windlass.test", "agent-metrics-it")).project("project-1").build(), true));
            conductor.await(ConductorRpcApi.REPORT_CONTAINER_STATUS, ContainerStatusReport.class,
                    r -> r.uuid().equals(uuid) && r.operationDone() && r.status() == ContainerStatus.RUNNING, WAIT,
                    "the create's report");
            compute.deleteContainer(AgentQueuesReset.HOST, ctx, new DeleteContainer(uuid, true, false));
            conductor.await(ConductorRpcApi.REPORT_CONTAINER_STATUS, ContainerStatusReport.class,
                    r -> r.uuid().equals(uuid) && r.operationDone() && r.gone(), WAIT, "the delete's report");
        }

        // the handler's ack and its timer come a moment after the report it sent
        ScrapedMetrics after = awaitDelta(before, m -> m.sum("windlass_rpc_server_handler_seconds_count",
                "topic", "compute", "method", "delete_container", "outcome", "ok"), 1.0);
        for (String method : List.of("create_container", "delete_container")) {
            assertEquals(1.0, after.increaseSince(before, "windlass_rpc_server_received_total", "topic", "compute",
                    "method", method), method);
            assertEquals(1.0, after.increaseSince(before, "windlass_rpc_server_handler_seconds_count",
                    "topic", "compute", "method", method, "outcome", "ok"), method);
        }
        assertEquals(0.0, after.increaseSince(before, "windlass_rpc_server_failures_total", "topic", "compute"));
        assertEquals(0.0, after.increaseSince(before, "windlass_rpc_server_redelivered_total", "topic", "compute"));
        // the engine: one create, one start, one forced remove, each timed under its operation
        for (String operation : List.of("create", "start", "remove")) {
            assertEquals(1.0, after.increaseSince(before, "windlass_agent_engine_calls_seconds_count",
                    "kind", "container", "operation", operation, "outcome", "ok"), operation);
        }
        assertEquals(0.0, after.increaseSince(before, "windlass_agent_engine_failures_total", "kind", "container",
                "operation", "create"));
        // reports to the conductor (the operation's own, and those of the engine's events) are confirmed casts
        assertTrue(after.increaseSince(before, "windlass_rpc_client_confirmed_total", "topic", "conductor",
                "method", "report_container_status") >= 2);
        ScrapedMetrics events = awaitDelta(before, m -> m.sum("windlass_agent_engine_events_total", "kind", "container",
                "action", "start"), 1.0);
        assertEquals(1.0, events.increaseSince(before, "windlass_agent_engine_events_total", "kind", "container",
                "action", "start"));

        // the host's own queue, sampled: empty now, with this agent consuming it
        String queue = connection.settings().queueFor("compute." + AgentQueuesReset.HOST);
        assertEquals(0.0, after.sum("windlass_rpc_queue_depth", "queue", queue, "topic", "compute"));
        assertTrue(after.sum("windlass_rpc_queue_consumers", "queue", queue) >= 1);
    }

    private static ScrapedMetrics awaitDelta(ScrapedMetrics before, ToDoubleFunction<ScrapedMetrics> value,
                                             double expected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        ScrapedMetrics now = scrape();
        while (value.applyAsDouble(now) - value.applyAsDouble(before) < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
            now = scrape();
        }
        return now;
    }

    private static ScrapedMetrics scrape() {
        return ScrapedMetrics.parse(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
    }
}
