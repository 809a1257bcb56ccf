package io.windlass.scheduler.claim;

import io.quarkus.test.junit.QuarkusTest;
import io.windlass.rpc.RpcHandlerException;
import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.SchedulerRpcApi;
import io.windlass.scheduler.Selection;
import io.windlass.scheduler.host.ComputeHostRows;
import io.windlass.scheduler.selection.DestinationSelector;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-aggregate allocation ratios (Nova's AggregateCoreFilter/AggregateRamFilter/AggregateDiskFilter)
 * against the real PostgreSQL: the filters and the claim's conditional UPDATE apply the same
 * effective ratio. Configured ratios in tests: cpu 16, ram 1, disk 1.
 */
@QuarkusTest
class AggregateAllocationRatiosIT {

    @Inject
    DestinationSelector selector;
    @Inject
    HostClaims claims;
    @Inject
    ComputeHostRows rows;

    @BeforeEach
    void oneHostWithTenGib() {
        rows.clear();
        rows.insert("h1", 64, 10240, 100, 0);
    }

    @Test
    void concurrentClaimsFillTheHostUpToTheAggregatesRamRatioAndNoFurther() throws Exception {
        rows.aggregate("ram-x2", List.of("h1"), Map.of("ram_allocation_ratio", "2.0"));

        ConcurrentSelections.Outcomes outcomes = selectConcurrently(30, 1024);

        assertEquals(20, outcomes.claimed(), "20 GiB of claims fit on 10 GiB × 2.0");
        assertEquals(10, outcomes.noValidHost());
        assertEquals(20 * 1024, rows.memoryUsed("h1"));
        assertEquals(rows.allocatedMemory("h1"), rows.memoryUsed("h1"));
    }

    @Test
    void theSmallestValidValueOfTheHostsAggregatesApplies() {
        rows.aggregate("ram-x3", List.of("h1"), Map.of("ram_allocation_ratio", "3.0"));
        rows.aggregate("ram-x1.5", List.of("h1"), Map.of("ram_allocation_ratio", "1.5"));
        rows.aggregate("ram-bogus", List.of("h1"), Map.of("ram_allocation_ratio", "0.1x"));

        int claimed = 0;
        for (int i = 0; i < 20; i++) {
            try {
                selector.select(request(UUID.randomUUID(), 1, 1024));
                claimed++;
            } catch (RpcHandlerException e) {
                assertEquals(SchedulerRpcApi.NO_VALID_HOST, e.type());
                assertTrue(e.getMessage().contains("ResourceFilter removed 1 of 1"), e.getMessage());
            }
        }
        assertEquals(15, claimed, "10 GiB × 1.5; the unparsable 0.1x is ignored");
        assertEquals(15 * 1024, rows.memoryUsed("h1"));
    }

    @Test
    void theClaimItselfEnforcesTheAggregatesRatioWhateverTheFiltersSaw() {
        rows.aggregate("strict", List.of("h1"), Map.of("ram_allocation_ratio", "0.5", "cpu_allocation_ratio", "1"));

        // straight to the claim, as a scheduler with an out-of-date view of the host would go
        assertEquals(ClaimResult.Outcome.CLAIMED,
                claims.claim(List.of("h1"), UUID.randomUUID(), request(UUID.randomUUID(), 1, 5120)).outcome());
        assertEquals(ClaimResult.Outcome.NO_ROOM,
                claims.claim(List.of("h1"), UUID.randomUUID(), request(UUID.randomUUID(), 1, 1)).outcome(),
                "memory: 10 GiB × 0.5 is taken");
        rows.clear();
        rows.insert("h1", 64, 10240, 100, 0);
        rows.aggregate("strict-cpu", List.of("h1"), Map.of("cpu_allocation_ratio", "1"));
        assertEquals(ClaimResult.Outcome.CLAIMED,
                claims.claim(List.of("h1"), UUID.randomUUID(), request(UUID.randomUUID(), 64, 1)).outcome());
        assertEquals(ClaimResult.Outcome.NO_ROOM,
                claims.claim(List.of("h1"), UUID.randomUUID(), request(UUID.randomUUID(), 0.5, 1)).outcome(),
                "cpu: 64 × 1.0 is taken (16 configured would allow 1024)");
        assertEquals(64.0, rows.vcpusUsed("h1"), 1e-9);
    }

    @Test
    void resizeIsCheckedAgainstTheSameRatio() {
        rows.aggregate("ram-x2", List.of("h1"), Map.of("ram_allocation_ratio", "2"));
        UUID consumer = UUID.randomUUID();
        selector.select(request(consumer, 1, 1024));

        claims.resize(consumer, 1, 20480);
        assertEquals(20480, rows.memoryUsed("h1"));

        RpcHandlerException refused = org.junit.jupiter.api.Assertions.assertThrows(RpcHandlerException.class,
                () -> claims.resize(consumer, 1, 20481));
        assertEquals(SchedulerRpcApi.RESOURCES_UNAVAILABLE, refused.type());
        assertEquals("Host h1 has not enough memory (free 0 MiB, asked 1 MiB more).", refused.getMessage());
    }

    @Test
    void aRedeliveryStillGetsItsHostWhenTheHostIsNowFull() {
        rows.aggregate("ram-x1", List.of("h1"), Map.of("ram_allocation_ratio", "1"));
        UUID consumer = UUID.randomUUID();
        assertEquals("h1", selector.select(request(consumer, 1, 10240)).host());

        Selection again = selector.select(request(consumer, 1, 10240));

        assertEquals("h1", again.host());
        assertEquals(1, rows.allocations());
        assertEquals(10240, rows.memoryUsed("h1"));
    }

    private ConcurrentSelections.Outcomes selectConcurrently(int requests, long memoryMb) throws Exception {
        List<ResourceRequest> batch = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            batch.add(request(UUID.randomUUID(), 0.25, memoryMb));
        }
        return ConcurrentSelections.select(selector, batch, 12);
    }

    private static ResourceRequest request(UUID consumer, double vcpus, long memoryMb) {
        return new ResourceRequest(consumer.toString(), "container", "p1", vcpus, memoryMb, 0, null, null,
                Map.of());
    }
}
