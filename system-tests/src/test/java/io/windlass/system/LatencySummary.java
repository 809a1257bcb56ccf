package io.windlass.system;

import java.time.Duration;
import java.util.List;

/**
 * Median, 95th percentile and maximum of a set of latencies (nearest-rank, so all three are observed values).
 *
 * @param count  number of samples
 * @param median 50th percentile
 * @param p95    95th percentile
 * @param max    the slowest: when the samples ran together, the time until all were done
 */
public record LatencySummary(int count, Duration median, Duration p95, Duration max) {

    public static LatencySummary of(List<Duration> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        List<Duration> sorted = samples.stream().sorted().toList();
        return new LatencySummary(sorted.size(), percentile(sorted, 50), percentile(sorted, 95), sorted.getLast());
    }

    /** The nearest-rank {@code p}th percentile of samples sorted ascending. */
    public static Duration percentile(List<Duration> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
