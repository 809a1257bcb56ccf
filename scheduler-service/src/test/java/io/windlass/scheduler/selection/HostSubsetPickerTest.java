package io.windlass.scheduler.selection;

import io.windlass.scheduler.host.HostCandidate;
import io.windlass.scheduler.host.TestHosts;
import io.windlass.scheduler.weigher.WeightedHost;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HostSubsetPickerTest {
    private final List<WeightedHost> ranked = List.of(
            new WeightedHost(TestHosts.idle("a", 1, 1, 1), 3),
            new WeightedHost(TestHosts.idle("b", 1, 1, 1), 2),
            new WeightedHost(TestHosts.idle("c", 1, 1, 1), 1));

    @Test
    void subsetOfOneKeepsTheRankOrder() {
        HostSubsetPicker picker = new HostSubsetPicker(1, new Random(7));
        assertEquals(List.of("a", "b", "c"), names(picker.claimOrder(ranked)));
    }

    @Test
    void largerSubsetPicksAmongTheBestOnlyAndKeepsTheOthersAsFallbacks() {
        HostSubsetPicker picker = new HostSubsetPicker(2, new Random(7));
        Set<String> firsts = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            List<String> order = names(picker.claimOrder(ranked));
            firsts.add(order.getFirst());
            assertEquals("c", order.getLast());
            assertEquals(3, new HashSet<>(order).size());
        }
        assertEquals(Set.of("a", "b"), firsts);
    }

    private static List<String> names(List<HostCandidate> hosts) {
        return hosts.stream().map(HostCandidate::host).toList();
    }
}
