package io.windlass.metrics;

import java.time.Duration;
import java.util.Arrays;

/**
 * The histogram buckets every Windlass timer publishes: from a 5 ms cast to a 30 s call timeout.
 * One bounded set for every service, so that each timer costs a dozen series per tag combination
 * (Micrometer's percentile histogram would cost about seventy) and latencies of different hops
 * can be compared bucket by bucket.
 */
public final class LatencyBuckets {
    private static final Duration[] BOUNDS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private LatencyBuckets() {
    }

    /** The upper bounds, for {@code Timer.Builder#serviceLevelObjectives}. */
    public static Duration[] bounds() {
        return BOUNDS.clone();
    }

    /** The upper bounds in nanoseconds, for a {@code DistributionStatisticConfig}. */
    public static double[] nanos() {
        return Arrays.stream(BOUNDS).mapToDouble(Duration::toNanos).toArray();
    }
}
