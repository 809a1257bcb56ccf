package io.windlass.agent.driver;

import java.util.List;

/**
 * Capacity of a host.
 *
 * @param vcpus             CPUs
 * @param memoryMb          memory, MiB
 * @param diskGb            disk, GiB
 * @param runtimes          the engine's container runtimes by name ({@code runc}, ...)
 * @param freeDedicatedCpus CPUs that no container with {@code cpu_policy: dedicated} holds
 */
public record HostInventory(double vcpus, long memoryMb, long diskGb, List<String> runtimes, int freeDedicatedCpus) {

    public HostInventory {
        runtimes = List.copyOf(runtimes);
    }

    /** A host with the engine's default runtime only and none of its CPUs pinned (a simulated host). */
    public HostInventory(double vcpus, long memoryMb, long diskGb) {
        this(vcpus, memoryMb, diskGb, List.of("runc"), (int) vcpus);
    }
}
