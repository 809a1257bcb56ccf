package io.windlass.agent.driver;

import io.windlass.agent.container.ContainerSummary;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Capacity of a host.
 *
 * @param vcpus    CPUs
 * @param memoryMb memory, MiB
 * @param diskGb   disk, GiB
 * @param runtimes the engine's container runtimes by name ({@code runc}, ...)
 */
public record HostInventory(double vcpus, long memoryMb, long diskGb, List<String> runtimes) {

    public HostInventory {
        runtimes = List.copyOf(runtimes);
    }

    /** A host with the engine's default runtime only (a simulated host). */
    public HostInventory(double vcpus, long memoryMb, long diskGb) {
        this(vcpus, memoryMb, diskGb, List.of("runc"));
    }

    /**
     * The CPUs that no container with {@code cpu_policy: dedicated} holds, from the listing the
     * heartbeat takes anyway (a second listing per heartbeat only for the pinned ones cost an engine call).
     */
    public int freeDedicatedCpus(Collection<ContainerSummary> containers) {
        Set<Integer> pinned = new HashSet<>();
        containers.forEach(c -> pinned.addAll(c.pinnedCpus()));
        return Math.max(0, (int) vcpus - pinned.size());
    }
}
