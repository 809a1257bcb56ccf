package io.windlass.scheduler.weigher;

import io.windlass.scheduler.host.AllocationRatios;
import io.windlass.scheduler.host.HostCandidate;
import io.windlass.scheduler.host.TestHosts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class HostRankerTest {
    private final AllocationRatios ratios = new AllocationRatios(16, 1, 1);
    private final List<HostCandidate> hosts = List.of(
            TestHosts.used("small", 4, 2048, 0, 0, 1),
            TestHosts.used("big", 4, 8192, 60, 0, 5),
            TestHosts.used("busy", 4, 8192, 0, 6500, 9));

    @Test
    void ramWeigherSpreadsToTheHostWithMostFreeMemory() {
        HostRanker ranker = new HostRanker(List.of(new RamWeigher(1.0, ratios)));
        assertEquals(List.of("big", "small", "busy"), names(ranker.rank(hosts, TestHosts.request(1, 1, 0))));
    }

    @Test
    void negativeRamMultiplierStacks() {
        HostRanker ranker = new HostRanker(List.of(new RamWeigher(-1.0, ratios)));
        assertEquals("busy", names(ranker.rank(hosts, TestHosts.request(1, 1, 0))).getFirst());
    }

    @Test
    void cpuWeigherPrefersFreeCpus() {
        HostRanker ranker = new HostRanker(List.of(new CpuWeigher(1.0, ratios)));
        List<WeightedHost> ranked = ranker.rank(hosts, TestHosts.request(1, 1, 0));
        assertEquals("big", ranked.getLast().host().host());
        assertEquals(1.0, ranked.getFirst().weight(), 1e-9);
    }

    @Test
    void workloadWeigherWithNegativeMultiplierPrefersQuietHosts() {
        HostRanker ranker = new HostRanker(List.of(new WorkloadWeigher(-1.0)));
        assertEquals(List.of("small", "big", "busy"), names(ranker.rank(hosts, TestHosts.request(1, 1, 0))));
    }

    @Test
    void weightsAreNormalisedBeforeMultipliersCombineThem() {
        // free ram 2048/8192/1692 -> small 0.05, big 1.0, busy 0.0; free cpu 64/4/64 -> 1.0, 0.0, 1.0
        HostRanker ranker = new HostRanker(List.of(new RamWeigher(1.0, ratios), new CpuWeigher(2.0, ratios)));
        List<WeightedHost> ranked = ranker.rank(hosts, TestHosts.request(1, 1, 0));
        assertEquals(List.of("small", "busy", "big"), names(ranked));
        assertEquals(2.0 + 356.0 / 6500, ranked.get(0).weight(), 1e-9);
        assertEquals(2.0, ranked.get(1).weight(), 1e-9);
        assertEquals(1.0, ranked.get(2).weight(), 1e-9);
    }

    @Test
    void equalValuesNormaliseToZero() {
        assertArrayEquals(new double[] {0, 0}, HostRanker.normalise(new double[] {5, 5}));
        assertArrayEquals(new double[] {0, 0.5, 1}, HostRanker.normalise(new double[] {2, 3, 4}));
    }

    private static List<String> names(List<WeightedHost> ranked) {
        return ranked.stream().map(w -> w.host().host()).toList();
    }
}
