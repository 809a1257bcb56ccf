package io.windlass.scheduler.weigher;

import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.host.HostCandidate;

/** Weighs by the number of workloads on the host (Nova's NumInstancesWeigher). */
public class WorkloadWeigher implements HostWeigher {
    private final double multiplier;

    public WorkloadWeigher(double multiplier) {
        this.multiplier = multiplier;
    }

    @Override
    public double multiplier() {
        return multiplier;
    }

    @Override
    public double rawWeight(HostCandidate host, ResourceRequest request) {
        return host.totalWorkloads();
    }
}
