package io.windlass.host.service;

import io.windlass.host.persistence.ComputeHostRecord;
import io.windlass.host.persistence.HostClaim;
import io.windlass.hypervisor.persistence.HypervisorRecord;
import io.windlass.hypervisor.service.Hypervisor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HostResourceTest {
    private static Hypervisor host(double vcpus, double vcpusUsed, long memoryUsed, long diskUsed) {
        ComputeHostRecord service = new ComputeHostRecord(1, "h1", false, null, "", 0);
        return new Hypervisor(new HypervisorRecord(service, "docker", vcpus, 8192, 100, vcpusUsed, memoryUsed,
                diskUsed, null, Instant.EPOCH, 0, 0), true, null);
    }

    @Test
    void totalUsedNowUsedMaxThenEachProject() {
        List<HostResource> rows = HostResource.of(host(4.5, 2.5, 1536, 11), List.of(
                new HostClaim("p1", 2, 1024, 10), new HostClaim("p2", 0.5, 512, 1)));
        assertEquals(List.of(
                new HostResource("h1", "(total)", 4, 8192, 100),
                new HostResource("h1", "(used_now)", 3, 1536, 11),
                new HostResource("h1", "(used_max)", 3, 1536, 11),
                new HostResource("h1", "p1", 2, 1024, 10),
                new HostResource("h1", "p2", 1, 512, 1)), rows);
    }

    @Test
    void anIdleHostHasZerosAndNoProjects() {
        assertEquals(List.of(
                new HostResource("h1", "(total)", 4, 8192, 100),
                new HostResource("h1", "(used_now)", 0, 0, 0),
                new HostResource("h1", "(used_max)", 0, 0, 0)), HostResource.of(host(4, 0, 0, 0), List.of()));
    }

    @Test
    void fractionalClaimsSumBeforeRoundingAndClaimsWithoutProjectCountOnlyInTheSum() {
        // 0.1 + 0.2 + 0.7 is a hair over 1 in doubles: still one CPU
        List<HostResource> rows = HostResource.of(host(4, 1, 300, 0), List.of(
                new HostClaim("p1", 0.1 + 0.2, 100, 0), new HostClaim(null, 0.7, 200, 0)));
        assertEquals(new HostResource("h1", "(used_max)", 1, 300, 0), rows.get(2));
        assertEquals(new HostResource("h1", "p1", 1, 100, 0), rows.get(3));
        assertEquals(4, rows.size());
    }
}
