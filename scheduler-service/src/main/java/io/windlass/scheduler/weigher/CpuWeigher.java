package io.windlass.scheduler.weigher;

import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.host.AllocationRatios;
import io.windlass.scheduler.host.HostCandidate;

/** More free CPUs weigh more: a positive multiplier spreads, a negative one stacks. */
public class CpuWeigher implements HostWeigher {
    private final double multiplier;
    private final AllocationRatios ratios;

    public CpuWeigher(double multiplier, AllocationRatios ratios) {
        this.multiplier = multiplier;
        this.ratios = ratios;
    }

    @Override
    public double multiplier() {
        return multiplier;
    }

    @Override
    public double rawWeight(HostCandidate host, ResourceRequest request) {
        return host.freeVcpus(ratios);
    }
}
