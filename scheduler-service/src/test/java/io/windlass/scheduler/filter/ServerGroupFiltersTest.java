package io.windlass.scheduler.filter;

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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nova's ServerGroupAffinityFilter and ServerGroupAntiAffinityFilter on the group a decision read. */
class ServerGroupFiltersTest {
    private static final ResourceRequest REQUEST = TestHosts.request(1, 512, 0);
    private final HostFilter affinity = new ServerGroupAffinityFilter();
    private final HostFilter antiAffinity = new ServerGroupAntiAffinityFilter();

    private static ServerGroupPlacement group(ServerGroupPolicy policy, int maxServerPerHost,
                                              Map<String, Integer> members) {
        return new ServerGroupPlacement(UUID.randomUUID(), policy, maxServerPerHost, members);
    }

    private static HostCandidate host(String name, ServerGroupPlacement group) {
        return TestHosts.idle(name, 8, 8192, 100).withServerGroup(group);
    }

    @Test
    void affinityFollowsTheMembersAndLetsTheFirstGoAnywhere() {
        ServerGroupPlacement placed = group(ServerGroupPolicy.AFFINITY, 1, Map.of("h1", 2));
        assertTrue(affinity.passes(host("h1", placed), REQUEST));
        assertFalse(affinity.passes(host("h2", placed), REQUEST));

        ServerGroupPlacement first = group(ServerGroupPolicy.AFFINITY, 1, Map.of());
        assertTrue(affinity.passes(host("h1", first), REQUEST));
        assertTrue(affinity.passes(host("h2", first), REQUEST));

        // members spread by an admin's forced hosts: any of their hosts, as Nova's group hosts
        ServerGroupPlacement spread = group(ServerGroupPolicy.AFFINITY, 1, Map.of("h1", 1, "h3", 1));
        assertTrue(affinity.passes(host("h3", spread), REQUEST));
        assertFalse(affinity.passes(host("h2", spread), REQUEST));
    }

    @Test
    void antiAffinityKeepsMembersApartUpToMaxServerPerHost() {
        ServerGroupPlacement one = group(ServerGroupPolicy.ANTI_AFFINITY, 1, Map.of("h1", 1));
        assertFalse(antiAffinity.passes(host("h1", one), REQUEST));
        assertTrue(antiAffinity.passes(host("h2", one), REQUEST));

        ServerGroupPlacement two = group(ServerGroupPolicy.ANTI_AFFINITY, 2, Map.of("h1", 1, "h2", 2));
        assertTrue(antiAffinity.passes(host("h1", two), REQUEST));
        assertFalse(antiAffinity.passes(host("h2", two), REQUEST));
        assertTrue(antiAffinity.passes(host("h3", two), REQUEST));
    }

    @Test
    void eachFilterLeavesTheOtherPoliciesAndUngroupedRequestsAlone() {
        Map<String, Integer> onH1 = Map.of("h1", 3);
        for (ServerGroupPolicy policy : List.of(ServerGroupPolicy.ANTI_AFFINITY, ServerGroupPolicy.SOFT_AFFINITY,
                ServerGroupPolicy.SOFT_ANTI_AFFINITY)) {
            assertTrue(affinity.passes(host("h2", group(policy, 1, onH1)), REQUEST), policy.toString());
        }
        for (ServerGroupPolicy policy : List.of(ServerGroupPolicy.AFFINITY, ServerGroupPolicy.SOFT_AFFINITY,
                ServerGroupPolicy.SOFT_ANTI_AFFINITY)) {
            assertTrue(antiAffinity.passes(host("h1", group(policy, 1, onH1)), REQUEST), policy.toString());
        }
        assertTrue(affinity.passes(TestHosts.idle("h2", 8, 8192, 100), REQUEST));
        assertTrue(antiAffinity.passes(TestHosts.idle("h1", 8, 8192, 100), REQUEST));
    }

    @Test
    void noValidHostNamesTheGroupFilterThatRemovedTheHosts() {
        FilterChain chain = new FilterChain(List.of(new RequestedHostFilter(), antiAffinity, affinity,
                new ResourceFilter(new AllocationRatios(16, 1, 1))));
        ServerGroupPlacement full = group(ServerGroupPolicy.ANTI_AFFINITY, 1, Map.of("h1", 1, "h2", 1));
        FilterOutcome outcome = chain.apply(List.of(host("h1", full), host("h2", full), host("h3", full)), REQUEST);
        assertEquals(List.of("h3"), outcome.passed().stream().map(HostCandidate::host).toList());

        ServerGroupPlacement fuller = group(ServerGroupPolicy.ANTI_AFFINITY, 1, Map.of("h1", 1, "h2", 1, "h3", 1));
        assertEquals("There are not enough hosts available. 3 hosts: ServerGroupAntiAffinityFilter removed 3 of 3",
                chain.apply(List.of(host("h1", fuller), host("h2", fuller), host("h3", fuller)), REQUEST)
                        .explanation());
        assertEquals(List.of("ServerGroupAntiAffinityFilter", "ServerGroupAffinityFilter"),
                chain.serverGroupFilters().names());
    }
}
