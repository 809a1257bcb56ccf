package io.windlass.scheduler.host;

import io.windlass.scheduler.filter.ResourceFilter;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nova's AggregateCoreFilter/AggregateRamFilter/AggregateDiskFilter rules, as the host view applies them. */
class AggregateAllocationRatiosTest {
    private final AllocationRatios configured = new AllocationRatios(16.0, 1.0, 1.0);

    @Test
    void anAggregateValueOverridesTheConfiguredRatioInBothDirections() {
        HostAggregates aggregates = HostAggregates.merge(List.of(Map.of(
                "cpu_allocation_ratio", "2.0", "ram_allocation_ratio", "1.5", "disk_allocation_ratio", "0.5")));

        assertEquals(new AllocationRatios(2.0, 1.5, 0.5), AggregateAllocationRatios.effective(configured, aggregates));
    }

    @Test
    void theSmallestValueWinsWhenTheHostIsInSeveralAggregates() {
        HostAggregates aggregates = HostAggregates.merge(List.of(Map.of("ram_allocation_ratio", "3.0"),
                Map.of("ram_allocation_ratio", "1.25"), Map.of("ram_allocation_ratio", "2")));

        assertEquals(1.25, aggregates.ramRatio(configured.ram()));
    }

    @Test
    void unparsableValuesAreIgnored() {
        HostAggregates onlyBad = HostAggregates.merge(List.of(Map.of("cpu_allocation_ratio", "lots"),
                Map.of("cpu_allocation_ratio", "-1"), Map.of("cpu_allocation_ratio", "1e3")));
        HostAggregates badAndGood = HostAggregates.merge(List.of(Map.of("cpu_allocation_ratio", "NaN"),
                Map.of("cpu_allocation_ratio", " 4 ")));

        assertEquals(16.0, onlyBad.cpuRatio(configured.cpu()), "no valid value: the configured ratio");
        assertEquals(4.0, badAndGood.cpuRatio(configured.cpu()));
    }

    @Test
    void valueSyntaxIsAPlainNonNegativeDecimal() {
        for (String valid : List.of("0", "1", "1.5", "16.", ".5", " 2.0 ")) {
            assertTrue(AggregateAllocationRatios.isValid(valid), valid);
        }
        for (String invalid : List.of("", "-1", "+1", "1e3", "NaN", "Infinity", "1.2.3", "one", "0x10")) {
            assertFalse(AggregateAllocationRatios.isValid(invalid), invalid);
        }
    }

    @Test
    void aHostInNoAggregateKeepsTheConfiguredRatios() {
        assertEquals(configured, AggregateAllocationRatios.effective(configured, HostAggregates.NONE));
    }

    @Test
    void theResourceFilterUsesTheHostsEffectiveRatio() {
        ResourceFilter filter = new ResourceFilter(configured);
        // 4 GiB host with 3 GiB used: a 2 GiB request fits only with ram_allocation_ratio >= 1.25
        HostCandidate plain = TestHosts.used("h1", 4, 4096, 0, 3072, 0);
        HostCandidate overcommitted = plain.withAggregates(
                HostAggregates.merge(List.of(Map.of("ram_allocation_ratio", "1.5"))));
        // 2 vCPUs with 4 claimed: fits under 16, not under an aggregate's 2.0
        HostCandidate strictCpu = TestHosts.used("h2", 2, 8192, 4, 0, 0).withAggregates(
                HostAggregates.merge(List.of(Map.of("cpu_allocation_ratio", "2.0"))));

        assertFalse(filter.passes(plain, TestHosts.request(1, 2048, 0)));
        assertTrue(filter.passes(overcommitted, TestHosts.request(1, 2048, 0)));
        assertFalse(filter.passes(strictCpu, TestHosts.request(0.5, 128, 0)));
        assertTrue(filter.passes(TestHosts.used("h3", 2, 8192, 4, 0, 0), TestHosts.request(0.5, 128, 0)));
    }
}
