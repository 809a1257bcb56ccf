package io.windlass.conductor.metrics;

import io.quarkus.test.junit.QuarkusTest;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.conductor.support.ContainerRows;
import io.windlass.conductor.support.Poll;
import io.windlass.context.RequestContext;
import io.windlass.host.HostState;
import io.windlass.image.ImageCacheReport;
import io.windlass.image.ImageCacheReport.ImageOutcome;
import io.windlass.image.ImageCacheResult;
import io.windlass.metrics.ScrapedMetrics;
import io.windlass.rpc.RpcConnection;
import io.windlass.workload.Reconciler;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The conductor's RPC, reconcile and pre-cache series as a scrape of {@code /q/metrics} shows them
 * after messages handled over the real RabbitMQ and a reconcile round over real rows.
 */
@QuarkusTest
class ConductorMetricsIT {
    private final RequestContext ctx = RequestContext.internal("conductor-metrics-it");

    @Inject
    ConductorRpcApi conductor;
    @Inject
    Reconciler reconciler;
    @Inject
    ContainerRows rows;
    @Inject
    RpcConnection connection;

    @BeforeEach
    void clean() {
        rows.clear();
    }

    @Test
    void handledReportsAreCountedByMethodAndAPreCacheShowsItsHosts() {
        ScrapedMetrics before = scrape();
        conductor.reportHostState(ctx, new HostState("metrics-h1", "docker", 4, 8192, 100, 0, 0, List.of(),
                Instant.now()));
        conductor.reportImageCache(ctx, new ImageCacheReport("cache-m1", 9, "metrics-agg", 2, "metrics-h1", List.of(
                new ImageOutcome("busybox:latest", ImageCacheResult.CACHED, null),
                new ImageOutcome("nothing:1", ImageCacheResult.ERROR, "not found"))));
        Poll.until("both handled", () -> scrape().increaseSince(before, "windlass_rpc_server_handler_seconds_count",
                "topic", "conductor", "outcome", "ok") >= 2);

        ScrapedMetrics after = scrape();
        for (String method : List.of("report_host_state", "report_image_cache")) {
            assertEquals(1.0, after.increaseSince(before, "windlass_rpc_server_received_total", "topic", "conductor",
                    "method", method), method);
            assertEquals(1.0, after.increaseSince(before, "windlass_rpc_server_handler_seconds_count",
                    "topic", "conductor", "method", method, "outcome", "ok"), method);
        }
        // the heartbeat is a transient cast: sent, never confirmed; the report a confirmed one
        assertEquals(1.0, after.increaseSince(before, "windlass_rpc_client_sent_total", "topic", "conductor",
                "method", "report_host_state", "mode", "transient"));
        assertEquals(1.0, after.increaseSince(before, "windlass_rpc_client_confirmed_total", "topic", "conductor",
                "method", "report_image_cache"));
        assertEquals(0.0, after.increaseSince(before, "windlass_rpc_client_confirmed_total",
                "method", "report_host_state"));
        assertEquals(1.0, after.increaseSince(before, "windlass_aggregate_image_cache_total", "aggregate",
                "metrics-agg", "host", "metrics-h1", "result", "error"));
        assertEquals(1.0, after.sum("windlass_aggregate_image_cache_hosts", "aggregate", "metrics-agg",
                "state", "done"));
        assertEquals(1.0, after.sum("windlass_aggregate_image_cache_hosts", "aggregate", "metrics-agg",
                "state", "pending"));
        // the conductor's own queue, sampled at start: one conductor consuming it
        String queue = connection.settings().queueFor("conductor");
        assertTrue(after.sum("windlass_rpc_queue_consumers", "queue", queue, "topic", "conductor") >= 1);
        assertTrue(after.sum("windlass_rpc_queue_depth", "queue", queue) >= 0);
    }

    @Test
    void aReconcileRoundCountsEachRepairByKindAndReason() {
        rows.insertHost("metrics-silent", 300);
        rows.insert("Running", "metrics-silent");
        rows.insert("Running", "metrics-silent");
        UUID stuck = rows.insert("Creating", null);
        rows.update("UPDATE containers SET created_at = now() - interval '6 minutes' WHERE uuid = '" + stuck + "'");
        ScrapedMetrics before = scrape();

        assertTrue(reconciler.reconcile().ran());

        ScrapedMetrics after = scrape();
        assertEquals(2.0, after.increaseSince(before, "windlass_conductor_reconcile_repairs_total", "kind", "container",
                "repair", "mark_unknown", "reason", "host_silent"));
        assertEquals(1.0, after.increaseSince(before, "windlass_conductor_reconcile_repairs_total", "kind", "container",
                "repair", "fail_unscheduled", "reason", "build_timeout"));
        assertEquals(1.0, after.increaseSince(before, "windlass_conductor_reconcile_rounds_total", "result", "ran"));
        assertEquals(1.0, after.increaseSince(before, "windlass_conductor_reconcile_duration_seconds_count"));
    }

    private static ScrapedMetrics scrape() {
        return ScrapedMetrics.parse(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
    }
}
