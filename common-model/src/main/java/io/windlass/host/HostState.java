package io.windlass.host;

import java.time.Instant;
import java.util.List;

/**
 * An agent's heartbeat: its inventory and what runs on it.
 *
 * @param host              host name (the agent's RPC topic is {@code compute.<host>})
 * @param driver            docker or fake
 * @param vcpus             CPUs the host offers
 * @param memoryMb          memory the host offers, MiB
 * @param diskGb            disk the host offers, GiB
 * @param runningContainers workloads running now
 * @param totalContainers   workloads the engine knows (any state)
 * @param images            image references present on the host
 * @param sentAt            when the agent measured
 * @param underlayAddress   where the host's tenant-network tunnels end (VXLAN), or null when it has none;
 *                          the conductor gives it to the other hosts of a network as their peer
 * @param runtimes          the engine's container runtimes by name (conductor 1.11; null from an older agent)
 * @param freeDedicatedCpus the host's CPUs that no container with {@code cpu_policy: dedicated} holds
 *                          (conductor 1.11; null from an older agent)
 */
public record HostState(String host, String driver, double vcpus, long memoryMb, long diskGb,
                        int runningContainers, int totalContainers, List<String> images, Instant sentAt,
                        String underlayAddress, List<String> runtimes, Integer freeDedicatedCpus) {
    /** A 1.10 heartbeat: no runtimes, no dedicated CPUs reported. */
    public HostState(String host, String driver, double vcpus, long memoryMb, long diskGb,
                     int runningContainers, int totalContainers, List<String> images, Instant sentAt,
                     String underlayAddress) {
        this(host, driver, vcpus, memoryMb, diskGb, runningContainers, totalContainers, images, sentAt,
                underlayAddress, null, null);
    }

    /** A host without an underlay: its tenant networks stay on it. */
    public HostState(String host, String driver, double vcpus, long memoryMb, long diskGb,
                     int runningContainers, int totalContainers, List<String> images, Instant sentAt) {
        this(host, driver, vcpus, memoryMb, diskGb, runningContainers, totalContainers, images, sentAt, null);
    }
}
