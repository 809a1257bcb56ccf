package io.windlass.scheduler.host;

import io.windlass.scheduler.ResourceRequest;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** Fixtures for filter and weigher tests. */
public final class TestHosts {

    private TestHosts() {
    }

    /** An enabled host that just heart-beated, with nothing claimed. */
    public static HostCandidate idle(String name, double vcpus, long memoryMb, long diskGb) {
        return new HostCandidate(name, vcpus, memoryMb, diskGb, 0, 0, 0, 0, false, Duration.ofSeconds(5));
    }

    public static HostCandidate used(String name, double vcpus, long memoryMb, double vcpusUsed,
                                     long memoryMbUsed, int workloads) {
        return new HostCandidate(name, vcpus, memoryMb, 100, vcpusUsed, memoryMbUsed, 0, workloads, false,
                Duration.ofSeconds(5));
    }

    public static ResourceRequest request(double vcpus, long memoryMb, long diskGb) {
        return new ResourceRequest(UUID.randomUUID().toString(), "container", "p1", vcpus, memoryMb, diskGb, null,
                null, Map.of());
    }

    public static ResourceRequest request(String zone, String requestedHost) {
        return new ResourceRequest(UUID.randomUUID().toString(), "container", "p1", 1, 512, 0, zone,
                requestedHost, Map.of());
    }
}
