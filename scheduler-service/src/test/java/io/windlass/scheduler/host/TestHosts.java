package io.windlass.scheduler.host;

import io.windlass.scheduler.ResourceRequest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** An idle host in aggregates with this merged metadata (values already split). */
    public static HostCandidate inAggregates(String name, Map<String, Set<String>> metadata) {
        return idle(name, 8, 8192, 100).withAggregates(new HostAggregates(metadata));
    }

    public static ResourceRequest withProperties(Map<String, String> properties) {
        return new ResourceRequest(UUID.randomUUID().toString(), "container", "p1", 1, 512, 0, null, null,
                properties, Map.of(), Map.of());
    }

    public static ResourceRequest forProject(String projectId) {
        return new ResourceRequest(UUID.randomUUID().toString(), "container", projectId, 1, 512, 0, null, null,
                Map.of());
    }

    public static ResourceRequest withImageProperties(Map<String, String> imageProperties) {
        return new ResourceRequest(UUID.randomUUID().toString(), "container", "p1", 1, 512, 0, null, null,
                Map.of(), Map.of(), imageProperties);
    }

    /** A container request naming a runtime (null: none) and pinning {@code dedicatedCpus} whole CPUs (0: none). */
    public static ResourceRequest forEngine(String runtime, double vcpus, int dedicatedCpus) {
        return new ResourceRequest(UUID.randomUUID().toString(), "container", "p1", vcpus, 512, 0, null, null,
                Map.of(), Map.of(), Map.of(), runtime, dedicatedCpus);
    }

    /** An idle host whose engine has these runtimes and CPUs free to pin. */
    public static HostCandidate withEngine(String name, Set<String> runtimes, int freeDedicatedCpus) {
        return idle(name, 8, 8192, 100).withEngine(new EngineFeatures(runtimes, freeDedicatedCpus));
    }

    public static ResourceRequest withHints(Map<String, List<String>> hints) {
        return new ResourceRequest(UUID.randomUUID().toString(), "container", "p1", 1, 512, 0, null, null,
                Map.of(), hints, Map.of());
    }
}
