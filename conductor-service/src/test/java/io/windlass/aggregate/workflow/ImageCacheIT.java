package io.windlass.aggregate.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.conductor.support.ContainerRows;
import io.windlass.conductor.support.Poll;
import io.windlass.context.RequestContext;
import io.windlass.image.CacheHostImages;
import io.windlass.image.CacheImages;
import io.windlass.image.ImageCacheReport;
import io.windlass.image.ImageCacheReport.ImageOutcome;
import io.windlass.image.ImageCacheResult;
import io.windlass.rpc.RpcConnection;
import io.windlass.rpc.RpcEndpoint;
import io.windlass.rpc.RpcServer;
import io.windlass.rpc.RpcTopics;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** cache_images fan-out to live member hosts and report_image_cache accounting. */
@QuarkusTest
class ImageCacheIT {
    private final RequestContext ctx = RequestContext.internal("image-cache-it");

    @Inject
    ConductorRpcApi conductor;
    @Inject
    ContainerRows rows;
    @Inject
    RpcConnection connection;
    @Inject
    ObjectMapper json;
    @Inject
    MeterRegistry registry;

    private RpcServer agents;
    private final BlockingQueue<CacheHostImages> toH1 = new LinkedBlockingQueue<>();
    private final BlockingQueue<CacheHostImages> toH2 = new LinkedBlockingQueue<>();
    private final BlockingQueue<CacheHostImages> toDown = new LinkedBlockingQueue<>();

    @BeforeEach
    void setUp() throws Exception {
        rows.clear();
        rows.update("DELETE FROM aggregates");
        rows.insertHost("cache-h1", 0);
        rows.insertHost("cache-h2", 0);
        rows.insertHost("cache-down", 600);
        rows.update("INSERT INTO aggregates (id, uuid, name) VALUES (7, gen_random_uuid(), 'agg1')");
        rows.update("INSERT INTO aggregate_hosts (aggregate_id, host) VALUES (7, 'cache-h1'), (7, 'cache-h2'), "
                + "(7, 'cache-down')");
        agents = new RpcServer(connection, json);
        serve("cache-h1", toH1);
        serve("cache-h2", toH2);
        serve("cache-down", toDown);
    }

    private void serve(String host, BlockingQueue<CacheHostImages> into) {
        agents.serve(new RpcEndpoint(RpcTopics.compute(host), ComputeRpcApi.VERSION)
                .on(ComputeRpcApi.CACHE_IMAGES, (c, r) -> {
                    into.add(r);
                    return null;
                }), 1);
    }

    @AfterEach
    void stop() {
        agents.close();
    }

    @Test
    void castsToEveryLiveMemberAndSkipsDownHosts() throws Exception {
        double skippedBefore = count("skipped");
        conductor.cacheImages(ctx, new CacheImages(7, "agg1", List.of("busybox:latest", "absent:1")));

        CacheHostImages h1 = toH1.poll(10, TimeUnit.SECONDS);
        CacheHostImages h2 = toH2.poll(10, TimeUnit.SECONDS);
        assertNotNull(h1, "cache-h1 got the request");
        assertNotNull(h2, "cache-h2 got the request");
        assertEquals(List.of("busybox:latest", "absent:1"), h1.images());
        assertEquals(2, h1.hostsTotal());
        assertEquals(h1.cacheId(), h2.cacheId());
        assertEquals(7, h1.aggregateId());
        assertNull(toDown.poll(500, TimeUnit.MILLISECONDS), "down host skipped");
        // both images skipped on the down host; the two live ones yet to answer
        assertEquals(skippedBefore + 2, count("skipped"));
        assertEquals(2.0, registry.get(ImageCacheProgress.METRIC).tags("aggregate", "agg1", "host", "cache-down",
                "result", "skipped").counter().count() - skippedBefore);
        assertEquals(2.0, hosts("pending"));
        assertEquals(0.0, hosts("done"));
    }

    @Test
    void reportsAreCountedByResult() {
        double existing = count("existing");
        double error = count("error");
        conductor.reportImageCache(ctx, new ImageCacheReport("c1", 7, "agg1", 2, "cache-h1", List.of(
                new ImageOutcome("busybox:latest", ImageCacheResult.EXISTING, null),
                new ImageOutcome("absent:1", ImageCacheResult.ERROR, "Image absent:1 not found"))));
        Poll.until("report counted", () -> count("error") == error + 1);
        assertEquals(existing + 1, count("existing"));
        assertEquals(1.0, registry.get(ImageCacheProgress.METRIC).tags("aggregate", "agg1", "host", "cache-h1",
                "result", "error").counter().count() - error);
        // the first of the request's two hosts has answered
        assertEquals(1.0, hosts("done"));
        assertEquals(1.0, hosts("pending"));
    }

    private double count(String result) {
        return registry.find(ImageCacheProgress.METRIC).tag("result", result).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private double hosts(String state) {
        return registry.get(ImageCacheProgress.HOSTS).tags("aggregate", "agg1", "state", state).gauge().value();
    }
}
