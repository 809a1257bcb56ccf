package io.windlass.scheduler.filter;

import io.windlass.scheduler.host.AllocationRatios;
import io.windlass.scheduler.host.HostCandidate;
import io.windlass.scheduler.host.TestHosts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FilterChainTest {
    private final FilterChain chain = new FilterChain(List.of(new RequestedHostFilter(),
            new ComputeFilter(Duration.ofSeconds(60)), new ResourceFilter(new AllocationRatios(16, 1, 1)),
            new AvailabilityZoneFilter("nova")));

    @Test
    void explainsHowManyHostsEachFilterRemoved() {
        HostCandidate down = new HostCandidate("h1", 4, 4096, 10, 0, 0, 0, 0, false, Duration.ofMinutes(5));
        List<HostCandidate> hosts = List.of(down, TestHosts.used("h2", 4, 1024, 0, 1024, 0),
                TestHosts.used("h3", 4, 2048, 0, 1536, 0));

        FilterOutcome outcome = chain.apply(hosts, TestHosts.request(1, 1024, 0));

        assertTrue(outcome.passed().isEmpty());
        assertEquals("There are not enough hosts available. 3 hosts: ComputeFilter removed 1 of 3; "
                + "ResourceFilter removed 2 of 2", outcome.explanation());
        // the zone filter had nothing left to look at
        assertEquals(List.of("RequestedHostFilter", "ComputeFilter", "ResourceFilter"),
                outcome.steps().stream().map(FilterOutcome.Step::filter).toList());
    }

    @Test
    void keepsTheHostsThatPassEveryFilter() {
        List<HostCandidate> hosts = List.of(TestHosts.idle("h1", 4, 4096, 10), TestHosts.idle("h2", 4, 512, 10));
        FilterOutcome outcome = chain.apply(hosts, TestHosts.request(1, 1024, 0));
        assertEquals(List.of("h1"), outcome.passed().stream().map(HostCandidate::host).toList());
    }

    @Test
    void explainsAnEmptyInventory() {
        assertEquals("There are not enough hosts available. No compute hosts are registered.",
                chain.apply(List.of(), TestHosts.request(1, 1, 0)).explanation());
    }
}
