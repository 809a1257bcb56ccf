package io.windlass.scheduler.weigher;

import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.host.AllocationRatios;
import io.windlass.scheduler.host.HostCandidate;

/** More free memory weighs more: a positive multiplier spreads, a negative one stacks. */
public class RamWeigher implements HostWeigher {
    private final double multiplier;
    private final AllocationRatios ratios;

    public RamWeigher(double multiplier, AllocationRatios ratios) {
        this.multiplier = multiplier;
        this.ratios = ratios;
    }

    @Override
    public double multiplier() {
        return multiplier;
    }

    @Override
    public double rawWeight(HostCandidate host, ResourceRequest request) {
        return host.freeMemoryMb(ratios);
    }
}
