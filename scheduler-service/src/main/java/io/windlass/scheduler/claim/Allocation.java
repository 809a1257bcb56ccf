package io.windlass.scheduler.claim;

import java.util.UUID;

/**
 * One workload's claim on a host.
 *
 * @param consumerUuid workload uuid
 * @param host         host the resources are claimed on
 * @param vcpus        CPUs claimed
 * @param memoryMb     memory claimed, MiB
 * @param diskGb       disk claimed, GiB
 */
public record Allocation(UUID consumerUuid, String host, double vcpus, long memoryMb, long diskGb) {
}
