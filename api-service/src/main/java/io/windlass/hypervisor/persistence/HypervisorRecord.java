package io.windlass.hypervisor.persistence;

import io.windlass.host.persistence.ComputeHostRecord;

import java.time.Instant;

/**
 * A compute host as Nova's hypervisor (compute node) APIs need it: the service part that
 * os-services shows, the inventory its agent heart-beats, what the scheduler has claimed on it
 * and the servers placed there.
 *
 * @param service       the host as os-services sees it (id, name, disabled, liveness)
 * @param driver        the agent's compute driver ({@code docker}, {@code fake})
 * @param vcpus         CPUs the agent offers (fractional when an operator says so)
 * @param vcpusUsed     CPUs claimed by the scheduler for containers, capsules and servers
 * @param hostIp        where the host's tenant-network tunnels end, or null when it has no underlay
 * @param registeredAt  the host's first heartbeat ({@code compute_hosts.created_at})
 * @param servers       servers placed on the host that are not deleted
 * @param serversBusy   those of them with a task under way ({@code task_state} set)
 */
public record HypervisorRecord(ComputeHostRecord service, String driver, double vcpus, long memoryMb, long diskGb,
                               double vcpusUsed, long memoryMbUsed, long diskGbUsed, String hostIp,
                               Instant registeredAt, int servers, int serversBusy) {
}
