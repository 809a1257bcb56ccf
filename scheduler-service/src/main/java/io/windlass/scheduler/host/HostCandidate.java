package io.windlass.scheduler.host;

import java.time.Duration;

/**
 * One compute host as the scheduler sees it: the agent's inventory plus what is claimed.
 *
 * @param host             host name
 * @param vcpus            CPUs offered
 * @param memoryMb         memory offered, MiB
 * @param diskGb           disk offered, GiB
 * @param vcpusUsed        CPUs claimed
 * @param memoryMbUsed     memory claimed, MiB
 * @param diskGbUsed       disk claimed, GiB
 * @param totalWorkloads   workloads the agent last reported
 * @param disabled         an operator took the host out of scheduling
 * @param heartbeatAge     time since the last heartbeat, measured by the database clock
 */
public record HostCandidate(String host, double vcpus, long memoryMb, long diskGb, double vcpusUsed,
                            long memoryMbUsed, long diskGbUsed, int totalWorkloads, boolean disabled,
                            Duration heartbeatAge) {

    public double freeVcpus(AllocationRatios ratios) {
        return vcpus * ratios.cpu() - vcpusUsed;
    }

    public double freeMemoryMb(AllocationRatios ratios) {
        return memoryMb * ratios.ram() - memoryMbUsed;
    }

    public double freeDiskGb(AllocationRatios ratios) {
        return diskGb * ratios.disk() - diskGbUsed;
    }
}
