package io.windlass.host.persistence;

/**
 * What the workloads of one project hold on a host, summed over its claims ({@code allocations}
 * of its servers, containers and capsules).
 *
 * @param projectId null for claims made without a project
 * @param vcpus     fractional when containers ask for parts of a CPU
 */
public record HostClaim(String projectId, double vcpus, long memoryMb, long diskGb) {
}
