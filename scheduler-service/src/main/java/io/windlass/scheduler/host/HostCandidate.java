package io.windlass.scheduler.host;

import java.time.Duration;
import java.util.Set;

/**
 * One compute host as the scheduler sees it: the agent's inventory plus what is claimed.
 *
 * @param host                host name
 * @param vcpus               CPUs offered
 * @param memoryMb            memory offered, MiB
 * @param diskGb              disk offered, GiB
 * @param vcpusUsed           CPUs claimed
 * @param memoryMbUsed        memory claimed, MiB
 * @param diskGbUsed          disk claimed, GiB
 * @param totalWorkloads      workloads the agent last reported
 * @param disabled            an operator took the host out of scheduling
 * @param heartbeatAge        time since the last heartbeat, measured by the database clock
 * @param aggregates          merged metadata of the host's aggregates
 * @param referencedWorkloads workloads named in the request's hints that hold a claim on this host
 */
public record HostCandidate(String host, double vcpus, long memoryMb, long diskGb, double vcpusUsed,
                            long memoryMbUsed, long diskGbUsed, int totalWorkloads, boolean disabled,
                            Duration heartbeatAge, HostAggregates aggregates, Set<String> referencedWorkloads) {

    public HostCandidate {
        aggregates = aggregates == null ? HostAggregates.NONE : aggregates;
        referencedWorkloads = referencedWorkloads == null ? Set.of() : Set.copyOf(referencedWorkloads);
    }

    /** A host in no aggregate, with no hinted workloads on it. */
    public HostCandidate(String host, double vcpus, long memoryMb, long diskGb, double vcpusUsed,
                         long memoryMbUsed, long diskGbUsed, int totalWorkloads, boolean disabled,
                         Duration heartbeatAge) {
        this(host, vcpus, memoryMb, diskGb, vcpusUsed, memoryMbUsed, diskGbUsed, totalWorkloads, disabled,
                heartbeatAge, HostAggregates.NONE, Set.of());
    }

    public double freeVcpus(AllocationRatios ratios) {
        return vcpus * ratios.cpu() - vcpusUsed;
    }

    public double freeMemoryMb(AllocationRatios ratios) {
        return memoryMb * ratios.ram() - memoryMbUsed;
    }

    public double freeDiskGb(AllocationRatios ratios) {
        return diskGb * ratios.disk() - diskGbUsed;
    }

    public HostCandidate withAggregates(HostAggregates merged) {
        return new HostCandidate(host, vcpus, memoryMb, diskGb, vcpusUsed, memoryMbUsed, diskGbUsed,
                totalWorkloads, disabled, heartbeatAge, merged, referencedWorkloads);
    }

    public HostCandidate withReferencedWorkloads(Set<String> workloads) {
        return new HostCandidate(host, vcpus, memoryMb, diskGb, vcpusUsed, memoryMbUsed, diskGbUsed,
                totalWorkloads, disabled, heartbeatAge, aggregates, workloads);
    }
}
