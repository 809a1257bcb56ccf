package io.windlass.scheduler.host;

import io.windlass.scheduler.group.ServerGroupPlacement;

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
 * @param serverGroup         the request's server group and where its other members are (the same for
 *                            every host of a decision)
 * @param engine              runtimes and CPUs free to pin, as the agent reported them
 */
public record HostCandidate(String host, double vcpus, long memoryMb, long diskGb, double vcpusUsed,
                            long memoryMbUsed, long diskGbUsed, int totalWorkloads, boolean disabled,
                            Duration heartbeatAge, HostAggregates aggregates, Set<String> referencedWorkloads,
                            ServerGroupPlacement serverGroup, EngineFeatures engine) {

    public HostCandidate {
        engine = engine == null ? EngineFeatures.UNREPORTED : engine;
        aggregates = aggregates == null ? HostAggregates.NONE : aggregates;
        referencedWorkloads = referencedWorkloads == null ? Set.of() : Set.copyOf(referencedWorkloads);
        serverGroup = serverGroup == null ? ServerGroupPlacement.NONE : serverGroup;
    }

    /** A host in no aggregate, with no hinted workloads on it. */
    public HostCandidate(String host, double vcpus, long memoryMb, long diskGb, double vcpusUsed,
                         long memoryMbUsed, long diskGbUsed, int totalWorkloads, boolean disabled,
                         Duration heartbeatAge) {
        this(host, vcpus, memoryMb, diskGb, vcpusUsed, memoryMbUsed, diskGbUsed, totalWorkloads, disabled,
                heartbeatAge, HostAggregates.NONE, Set.of(), ServerGroupPlacement.NONE, EngineFeatures.UNREPORTED);
    }

    /**
     * Free CPUs after overcommit: the host's aggregates' {@code cpu_allocation_ratio} if they set
     * one, else the configured ratio (the claim's SQL applies the same rule).
     */
    public double freeVcpus(AllocationRatios configured) {
        return vcpus * aggregates.cpuRatio(configured.cpu()) - vcpusUsed;
    }

    public double freeMemoryMb(AllocationRatios configured) {
        return memoryMb * aggregates.ramRatio(configured.ram()) - memoryMbUsed;
    }

    public double freeDiskGb(AllocationRatios configured) {
        return diskGb * aggregates.diskRatio(configured.disk()) - diskGbUsed;
    }

    /** This host after this scheduler claimed the given resources on it (one more workload). */
    public HostCandidate consume(double claimedVcpus, long claimedMemoryMb, long claimedDiskGb) {
        return consume(claimedVcpus, claimedMemoryMb, claimedDiskGb, 0);
    }

    /** Likewise, for a workload that also pins {@code dedicatedCpus} of the host's CPUs. */
    public HostCandidate consume(double claimedVcpus, long claimedMemoryMb, long claimedDiskGb, int dedicatedCpus) {
        return new HostCandidate(host, vcpus, memoryMb, diskGb, vcpusUsed + claimedVcpus,
                memoryMbUsed + claimedMemoryMb, diskGbUsed + claimedDiskGb, totalWorkloads + 1, disabled,
                heartbeatAge, aggregates, referencedWorkloads, serverGroup, engine.pinning(dedicatedCpus));
    }

    public HostCandidate withAggregates(HostAggregates merged) {
        return new HostCandidate(host, vcpus, memoryMb, diskGb, vcpusUsed, memoryMbUsed, diskGbUsed,
                totalWorkloads, disabled, heartbeatAge, merged, referencedWorkloads, serverGroup, engine);
    }

    public HostCandidate withReferencedWorkloads(Set<String> workloads) {
        return new HostCandidate(host, vcpus, memoryMb, diskGb, vcpusUsed, memoryMbUsed, diskGbUsed,
                totalWorkloads, disabled, heartbeatAge, aggregates, workloads, serverGroup, engine);
    }

    public HostCandidate withServerGroup(ServerGroupPlacement group) {
        return new HostCandidate(host, vcpus, memoryMb, diskGb, vcpusUsed, memoryMbUsed, diskGbUsed,
                totalWorkloads, disabled, heartbeatAge, aggregates, referencedWorkloads, group, engine);
    }

    public HostCandidate withEngine(EngineFeatures features) {
        return new HostCandidate(host, vcpus, memoryMb, diskGb, vcpusUsed, memoryMbUsed, diskGbUsed,
                totalWorkloads, disabled, heartbeatAge, aggregates, referencedWorkloads, serverGroup, features);
    }

    /** Other members of the request's server group with a claim on this host. */
    public int serverGroupMembersHere() {
        return serverGroup.membersOn(host);
    }
}
