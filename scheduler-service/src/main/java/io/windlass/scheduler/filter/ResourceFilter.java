package io.windlass.scheduler.filter;

import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.host.AllocationRatios;
import io.windlass.scheduler.host.HostCandidate;

/**
 * Passes hosts with room for the requested CPUs, memory and disk after overcommit. The claim
 * re-checks the same condition in SQL, since another scheduler may take the room meanwhile.
 */
public class ResourceFilter implements HostFilter {
    private final AllocationRatios ratios;

    public ResourceFilter(AllocationRatios ratios) {
        this.ratios = ratios;
    }

    @Override
    public boolean passes(HostCandidate host, ResourceRequest request) {
        return host.freeVcpus(ratios) >= request.vcpus()
                && host.freeMemoryMb(ratios) >= request.memoryMb()
                && host.freeDiskGb(ratios) >= request.diskGb();
    }
}
