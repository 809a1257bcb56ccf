package io.windlass.agent.driver;

/**
 * Capacity of a host.
 *
 * @param vcpus    CPUs
 * @param memoryMb memory, MiB
 * @param diskGb   disk, GiB
 */
public record HostInventory(double vcpus, long memoryMb, long diskGb) {
}
