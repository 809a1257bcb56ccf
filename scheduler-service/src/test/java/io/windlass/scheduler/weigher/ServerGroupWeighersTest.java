package io.windlass.scheduler.weigher;

import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.group.ServerGroupPlacement;
import io.windlass.scheduler.group.ServerGroupPolicy;
import io.windlass.scheduler.host.AllocationRatios;
import io.windlass.scheduler.host.HostCandidate;
import io.windlass.scheduler.host.TestHosts;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Nova's ServerGroupSoftAffinityWeigher and ServerGroupSoftAntiAffinityWeigher, alone and with the others. */
class ServerGroupWeighersTest {
    private static final ResourceRequest REQUEST = TestHosts.request(1, 512, 0);
    /** Other members: 2 on "crowded", 1 on "some", none on "empty". */
    private static final Map<String, Integer> MEMBERS = Map.of("crowded", 2, "some", 1);

    private static List<HostCandidate> hosts(ServerGroupPolicy policy) {
        ServerGroupPlacement group = new ServerGroupPlacement(UUID.randomUUID(), policy, 1, MEMBERS);
        return List.of(TestHosts.idle("empty", 8, 8192, 100).withServerGroup(group),
                TestHosts.idle("some", 8, 8192, 100).withServerGroup(group),
                TestHosts.idle("crowded", 8, 8192, 100).withServerGroup(group));
    }

    private static List<String> names(List<WeightedHost> ranked) {
        return ranked.stream().map(w -> w.host().host()).toList();
    }

    @Test
    void softAffinityPrefersTheHostsWithMoreMembers() {
        HostRanker ranker = new HostRanker(List.of(new ServerGroupSoftAffinityWeigher(1.0)));
        List<WeightedHost> ranked = ranker.rank(hosts(ServerGroupPolicy.SOFT_AFFINITY), REQUEST);
        assertEquals(List.of("crowded", "some", "empty"), names(ranked));
        assertEquals(List.of(1.0, 0.5, 0.0), ranked.stream().map(WeightedHost::weight).toList());
    }

    @Test
    void softAntiAffinityPrefersTheHostsWithFewerMembers() {
        HostRanker ranker = new HostRanker(List.of(new ServerGroupSoftAntiAffinityWeigher(1.0)));
        List<WeightedHost> ranked = ranker.rank(hosts(ServerGroupPolicy.SOFT_ANTI_AFFINITY), REQUEST);
        assertEquals(List.of("empty", "some", "crowded"), names(ranked));
        assertEquals(List.of(1.0, 0.5, 0.0), ranked.stream().map(WeightedHost::weight).toList());
    }

    @Test
    void eachWeighsOnlyItsOwnPolicy() {
        ServerGroupSoftAffinityWeigher together = new ServerGroupSoftAffinityWeigher(1.0);
        ServerGroupSoftAntiAffinityWeigher apart = new ServerGroupSoftAntiAffinityWeigher(1.0);
        for (ServerGroupPolicy policy : ServerGroupPolicy.values()) {
            for (HostCandidate host : hosts(policy)) {
                double expected = host.serverGroupMembersHere();
                assertEquals(policy == ServerGroupPolicy.SOFT_AFFINITY ? expected : 0, together.rawWeight(host, REQUEST));
                assertEquals(policy == ServerGroupPolicy.SOFT_ANTI_AFFINITY ? -expected : 0,
                        apart.rawWeight(host, REQUEST), 0.0);
            }
        }
        assertEquals(0.0, together.rawWeight(TestHosts.idle("crowded", 8, 8192, 100), REQUEST));
    }

    @Test
    void theMultiplierWeighsTheGroupAgainstFreeMemory() {
        ServerGroupPlacement group = new ServerGroupPlacement(UUID.randomUUID(), ServerGroupPolicy.SOFT_AFFINITY, 1,
                Map.of("small", 1));
        List<HostCandidate> hosts = List.of(TestHosts.idle("small", 8, 2048, 100).withServerGroup(group),
                TestHosts.idle("big", 8, 8192, 100).withServerGroup(group));
        AllocationRatios ratios = new AllocationRatios(16, 1, 1);
        RamWeigher ram = new RamWeigher(1.0, ratios);
        assertEquals("small", names(new HostRanker(List.of(ram, new ServerGroupSoftAffinityWeigher(2.0)))
                .rank(hosts, REQUEST)).getFirst());
        assertEquals("big", names(new HostRanker(List.of(ram, new ServerGroupSoftAffinityWeigher(0.5)))
                .rank(hosts, REQUEST)).getFirst());
        // 0 turns the preference off
        assertEquals("big", names(new HostRanker(List.of(ram, new ServerGroupSoftAffinityWeigher(0.0)))
                .rank(hosts, REQUEST)).getFirst());
    }
}
