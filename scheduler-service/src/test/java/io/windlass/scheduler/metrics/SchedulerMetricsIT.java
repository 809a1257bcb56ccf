package io.windlass.scheduler.metrics;

import io.quarkus.test.junit.QuarkusTest;
import io.windlass.context.RequestContext;
import io.windlass.metrics.ScrapedMetrics;
import io.windlass.rpc.RemoteException;
import io.windlass.rpc.RpcConnection;
import io.windlass.rpc.RpcTopics;
import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.SchedulerRpcApi;
import io.windlass.scheduler.host.ComputeHostRows;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The scheduler's decision, claim and RPC series as a scrape of {@code /q/metrics} shows them after
 * select_destinations calls over the real RabbitMQ: one placed, one asked again (a redelivery's
 * answer), and one that only a silent host could have taken.
 */
@QuarkusTest
class SchedulerMetricsIT {
    private final RequestContext ctx = RequestContext.internal("scheduler-metrics-it");

    @Inject
    SchedulerRpcApi scheduler;
    @Inject
    ComputeHostRows rows;
    @Inject
    RpcConnection connection;

    @BeforeEach
    void emptyQueueAndInventory() throws Exception {
        try (var ch = connection.createChannel()) {
            ch.queuePurge(connection.declareTopicQueue(ch, RpcTopics.SCHEDULER));
        }
        rows.clear();
    }

    @Test
    void decisionsClaimsAndNoValidHostAreCountedByOutcomeAndFilter() {
        rows.insert("metrics-node", 2, 2048, 20, 0);
        rows.insert("metrics-silent", 64, 65536, 500, 600);
        ScrapedMetrics before = scrape();

        UUID consumer = UUID.randomUUID();
        assertEquals("metrics-node", scheduler.selectDestination(ctx, request(consumer, 1024)).host());
        assertEquals("metrics-node", scheduler.selectDestination(ctx, request(consumer, 1024)).host());
        // more memory than the live host has: ComputeFilter removes the silent host, ResourceFilter the last one
        RemoteException refused = assertThrows(RemoteException.class,
                () -> scheduler.selectDestination(ctx, request(UUID.randomUUID(), 4096)));
        assertEquals(SchedulerRpcApi.NO_VALID_HOST, refused.type());

        ScrapedMetrics after = scrape();
        assertEquals(1.0, after.increaseSince(before, "windlass_scheduler_decisions_total", "operation", "select",
                "outcome", "claimed"));
        assertEquals(1.0, after.increaseSince(before, "windlass_scheduler_decisions_total", "operation", "select",
                "outcome", "already_claimed"));
        assertEquals(1.0, after.increaseSince(before, "windlass_scheduler_decisions_total", "operation", "select",
                "outcome", "no_valid_host"));
        assertEquals(1.0, after.increaseSince(before, "windlass_scheduler_claims_total", "operation", "select",
                "outcome", "claimed"));
        assertEquals(1.0, after.increaseSince(before, "windlass_scheduler_no_valid_host_total", "operation", "select",
                "filter", "ResourceFilter"));
        // the silent host was removed by ComputeFilter in each of the three decisions
        assertEquals(3.0, after.increaseSince(before, "windlass_scheduler_filter_removed_total",
                "filter", "ComputeFilter"));
        assertEquals(3.0, after.increaseSince(before, "windlass_scheduler_decision_seconds_count"));
        // the calls as the scheduler's RPC server saw them: two answered, one refused by name
        assertEquals(2.0, after.increaseSince(before, "windlass_rpc_server_handler_seconds_count", "topic", "scheduler",
                "method", "select_destinations", "outcome", "ok"));
        assertEquals(1.0, after.increaseSince(before, "windlass_rpc_server_failures_total", "topic", "scheduler",
                "method", "select_destinations", "outcome", "refused"));
        // and as this process's client did: two replies, one remote error
        assertEquals(2.0, after.increaseSince(before, "windlass_rpc_client_call_seconds_count", "topic", "scheduler",
                "method", "select_destinations", "outcome", "reply"));
        assertEquals(1.0, after.increaseSince(before, "windlass_rpc_client_call_seconds_count", "topic", "scheduler",
                "method", "select_destinations", "outcome", "remote_error"));
    }

    private static ResourceRequest request(UUID consumer, int memoryMb) {
        return new ResourceRequest(consumer.toString(), "container", "p1", 1, memoryMb, 1, null, null, Map.of());
    }

    private static ScrapedMetrics scrape() {
        return ScrapedMetrics.parse(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
    }
}
