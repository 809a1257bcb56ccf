package io.windlass.api.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

import java.time.Duration;
import java.util.Arrays;

/**
 * Shapes Quarkus' {@code http.server.requests} (RED per route): adds a {@code family} tag, the
 * OpenStack API a route belongs to, so that one query gives a family's rate, errors and latency;
 * and publishes a bounded histogram, so that latency quantiles can be computed across replicas.
 * The {@code uri} tag is already the route's template ({@code /container/v1/containers/{ident}}),
 * never a raw path with a uuid: Quarkus REST tags the matched template, and an unmatched request is
 * tagged {@code NOT_FOUND}.
 */
public class HttpRouteMeters implements MeterFilter {
    static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    /** From a cached read to a slow create: enough to see a p99 move, few enough to keep series bounded. */
    private static final double[] BUCKETS = Arrays.stream(new Duration[] {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)})
            .mapToDouble(Duration::toNanos).toArray();

    @Override
    public Meter.Id map(Meter.Id id) {
        if (!HTTP_SERVER_REQUESTS.equals(id.getName()) || id.getTag("family") != null) {
            return id;
        }
        return id.withTag(io.micrometer.core.instrument.Tag.of("family", RouteFamily.of(id.getTag("uri")).tag()));
    }

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (!HTTP_SERVER_REQUESTS.equals(id.getName())) {
            return config;
        }
        return DistributionStatisticConfig.builder().serviceLevelObjectives(BUCKETS).build().merge(config);
    }
}
