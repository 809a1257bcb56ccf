package io.windlass.scheduler.weigher;

import io.windlass.scheduler.config.SchedulerConfig;
import io.windlass.scheduler.host.AllocationRatios;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;

/** The weighers with their configured multipliers. */
@ApplicationScoped
public class HostRankerProducer {

    @Produces
    @Singleton
    HostRanker hostRanker(SchedulerConfig config, AllocationRatios ratios) {
        return new HostRanker(List.of(
                new RamWeigher(config.ramWeightMultiplier(), ratios),
                new CpuWeigher(config.cpuWeightMultiplier(), ratios),
                new WorkloadWeigher(config.workloadWeightMultiplier())));
    }
}
