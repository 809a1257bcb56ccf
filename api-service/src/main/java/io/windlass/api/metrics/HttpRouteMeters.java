package io.windlass.api.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.windlass.metrics.LatencyBuckets;

/**
 * Shapes Quarkus' {@code http.server.requests} (RED per route): adds a {@code family} tag, the
 * OpenStack API a route belongs to, so that one query gives a family's rate, errors and latency;
 * and publishes the bounded histogram of {@link LatencyBuckets}, so that latency quantiles can be
 * computed across replicas.
 * The {@code uri} tag is already the route's template ({@code /container/v1/containers/{ident}}),
 * never a raw path with a uuid: Quarkus REST tags the matched template, and an unmatched request is
 * tagged {@code NOT_FOUND}.
 */
public class HttpRouteMeters implements MeterFilter {
    static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    @Override
    public Meter.Id map(Meter.Id id) {
        if (!HTTP_SERVER_REQUESTS.equals(id.getName()) || id.getTag("family") != null) {
            return id;
        }
        return id.withTag(Tag.of("family", RouteFamily.of(id.getTag("uri")).tag()));
    }

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (!HTTP_SERVER_REQUESTS.equals(id.getName())) {
            return config;
        }
        return DistributionStatisticConfig.builder().serviceLevelObjectives(LatencyBuckets.nanos()).build()
                .merge(config);
    }
}
