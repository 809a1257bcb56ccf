package io.windlass.api.metrics;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HttpRouteMetersTest {

    @Test
    void everyRouteTemplateIsTaggedWithItsFamily() {
        assertEquals(RouteFamily.COMPUTE, RouteFamily.of("/compute/v2.1/servers/{id}"));
        assertEquals(RouteFamily.CONTAINER, RouteFamily.of("/container/v1/containers/{ident}/start"));
        assertEquals(RouteFamily.NETWORK, RouteFamily.of("/network/v2.0/ports"));
        assertEquals(RouteFamily.IMAGE, RouteFamily.of("/image/v2/images"));
        assertEquals(RouteFamily.IDENTITY, RouteFamily.of("/v3/auth/tokens"));
        assertEquals(RouteFamily.IDENTITY, RouteFamily.of("/"));
        assertEquals(RouteFamily.OTHER, RouteFamily.of("NOT_FOUND"));
        assertEquals(RouteFamily.OTHER, RouteFamily.of("/q/metrics"));
        assertEquals(RouteFamily.OTHER, RouteFamily.of("/computers"));
        assertEquals(RouteFamily.OTHER, RouteFamily.of(null));
        assertEquals(RouteFamily.IDENTITY, RouteFamily.of("root"));
    }

    @Test
    void aRequestNoRouteTookIsTemplatedByItsFamilyAlone() {
        assertEquals("/container/UNROUTED", RouteFamily.of("/container/v1/containers/my-web-1").unrouted());
        assertEquals("/identity/UNROUTED", RouteFamily.of("/v3/users/alice").unrouted());
        assertEquals("/UNROUTED", RouteFamily.of("/wp-admin/setup.php").unrouted());
        assertEquals(RouteFamily.CONTAINER, RouteFamily.of(RouteFamily.CONTAINER.unrouted()));
    }

    @Test
    void httpRequestsGetTheFamilyTagAndHistogramBuckets() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new HttpRouteMeters());

        Timer.builder("http.server.requests").tags("uri", "/container/v1/containers", "status", "202")
                .register(registry).record(Duration.ofMillis(30));
        Timer.builder("other.timer").tag("uri", "/container/v1/containers").register(registry)
                .record(Duration.ofMillis(1));

        Timer timer = registry.get("http.server.requests").tags("family", "container", "status", "202").timer();
        assertEquals(1, timer.count());
        // 30 ms falls in the 50 ms bucket and every one above it
        var buckets = timer.takeSnapshot().histogramCounts();
        assertEquals(12, buckets.length);
        assertEquals(0.0, buckets[2].count());
        assertEquals(1.0, buckets[3].count());
        assertEquals(null, registry.get("other.timer").timer().getId().getTag("family"));
    }
}
