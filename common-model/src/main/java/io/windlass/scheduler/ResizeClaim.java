package io.windlass.scheduler;

/**
 * Change a workload's claim on its current host; refused if the host has no room.
 *
 * @param consumerUuid workload uuid
 * @param vcpus        new CPUs
 * @param memoryMb     new memory, MiB
 */
public record ResizeClaim(String consumerUuid, double vcpus, long memoryMb) {
}
