package io.windlass.hypervisor.service;

import io.windlass.host.persistence.ComputeHostRecord;
import io.windlass.hypervisor.persistence.HypervisorRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class HypervisorStatisticsTest {
    private static Hypervisor host(long id, boolean disabled, boolean up, double vcpus, double vcpusUsed, long memory,
                                   long memoryUsed, long disk, long diskUsed, int servers, int busy) {
        ComputeHostRecord service = new ComputeHostRecord(id, "h" + id, disabled, null, "", up ? 0 : 600);
        return new Hypervisor(new HypervisorRecord(service, "docker", vcpus, memory, disk, vcpusUsed, memoryUsed,
                diskUsed, null, Instant.EPOCH, servers, busy), up, null);
    }

    @Test
    void enabledHostsAreSummedDownOnesIncludedDisabledOnesNot() {
        HypervisorStatistics stats = HypervisorStatistics.of(List.of(
                host(1, false, true, 4, 1.5, 8192, 1024, 100, 10, 2, 1),
                host(2, false, false, 2, 0, 4096, 0, 50, 0, 0, 0),
                host(3, true, true, 64, 32, 262144, 1000, 1000, 100, 7, 3)));
        assertEquals(new HypervisorStatistics(2, 1, 0, 140, 11264, 150, 10, 12288, 1024, 2, 6, 2), stats);
    }

    @Test
    void noHostsIsAllZeros() {
        assertEquals(new HypervisorStatistics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), HypervisorStatistics.of(List.of()));
    }

    @Test
    void fractionalCpusAreWholeOnesOfferedAndAnyPartUsedCounts() {
        Hypervisor h = host(1, false, true, 3.9, 0.30000000000000004, 1024, 2048, 10, 0, 0, 0);
        assertEquals(3, h.vcpus());
        assertEquals(1, h.vcpusUsed());
        assertEquals(0, host(2, false, true, 2, 1e-12, 1, 0, 1, 0, 0, 0).vcpusUsed());
        // overcommitted memory is negative free memory, as in Nova
        assertEquals(-1024, h.freeRamMb());
        assertNull(h.diskAvailableLeast());
    }
}
