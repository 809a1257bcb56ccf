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
 */
public record HostState(String host, String driver, double vcpus, long memoryMb, long diskGb,
                        int runningContainers, int totalContainers, List<String> images, Instant sentAt,
                        String underlayAddress) {
    /** A host without an underlay: its tenant networks stay on it. */
    public HostState(String host, String driver, double vcpus, long memoryMb, long diskGb,
                     int runningContainers, int totalContainers, List<String> images, Instant sentAt) {
        this(host, driver, vcpus, memoryMb, diskGb, runningContainers, totalContainers, images, sentAt, null);
    }
}
