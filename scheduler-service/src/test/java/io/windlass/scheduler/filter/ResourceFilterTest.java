package io.windlass.scheduler.filter;

import io.windlass.scheduler.host.AllocationRatios;
import io.windlass.scheduler.host.HostCandidate;
import io.windlass.scheduler.host.TestHosts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResourceFilterTest {
    private final ResourceFilter filter = new ResourceFilter(new AllocationRatios(16.0, 1.0, 1.0));

    @Test
    void passesWhenEverythingFitsExactly() {
        HostCandidate host = TestHosts.used("h1", 1, 4096, 15, 3072, 0);
        assertTrue(filter.passes(host, TestHosts.request(1, 1024, 100)));
    }

    @Test
    void removesAHostShortOfMemory() {
        HostCandidate host = TestHosts.used("h1", 4, 4096, 0, 3584, 0);
        assertFalse(filter.passes(host, TestHosts.request(1, 1024, 0)));
    }

    @Test
    void cpuOvercommitFollowsTheRatio() {
        HostCandidate host = TestHosts.used("h1", 2, 8192, 31.5, 0, 0);
        assertTrue(filter.passes(host, TestHosts.request(0.5, 128, 0)));
        assertFalse(filter.passes(host, TestHosts.request(1, 128, 0)));
    }

    @Test
    void removesAHostShortOfDisk() {
        assertFalse(filter.passes(TestHosts.idle("h1", 4, 4096, 10), TestHosts.request(1, 128, 11)));
    }
}
