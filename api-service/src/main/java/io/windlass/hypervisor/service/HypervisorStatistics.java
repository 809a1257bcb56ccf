package io.windlass.hypervisor.service;

import java.util.List;

/**
 * Nova's {@code hypervisor_statistics}: the figures of every enabled host summed (disabled ones
 * are left out, down ones are not, as Nova's {@code compute_node_statistics} joins only enabled
 * services); a figure nobody knows counts 0.
 */
public record HypervisorStatistics(long count, long currentWorkload, long diskAvailableLeast, long freeDiskGb,
                                   long freeRamMb, long localGb, long localGbUsed, long memoryMb, long memoryMbUsed,
                                   long runningVms, long vcpus, long vcpusUsed) {

    public static HypervisorStatistics of(List<Hypervisor> hypervisors) {
        List<Hypervisor> enabled = hypervisors.stream().filter(h -> !h.disabled()).toList();
        return new HypervisorStatistics(enabled.size(),
                enabled.stream().mapToLong(Hypervisor::currentWorkload).sum(),
                enabled.stream().mapToLong(h -> h.diskAvailableLeast() == null ? 0 : h.diskAvailableLeast()).sum(),
                enabled.stream().mapToLong(Hypervisor::freeDiskGb).sum(),
                enabled.stream().mapToLong(Hypervisor::freeRamMb).sum(),
                enabled.stream().mapToLong(Hypervisor::localGb).sum(),
                enabled.stream().mapToLong(Hypervisor::localGbUsed).sum(),
                enabled.stream().mapToLong(Hypervisor::memoryMb).sum(),
                enabled.stream().mapToLong(Hypervisor::memoryMbUsed).sum(),
                enabled.stream().mapToLong(Hypervisor::runningVms).sum(),
                enabled.stream().mapToLong(Hypervisor::vcpus).sum(),
                enabled.stream().mapToLong(Hypervisor::vcpusUsed).sum());
    }
}
