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
                new WorkloadWeigher(config.workloadWeightMultiplier()),
                new ServerGroupSoftAffinityWeigher(nonNegative("soft-affinity-weight-multiplier",
                        config.softAffinityWeightMultiplier())),
                new ServerGroupSoftAntiAffinityWeigher(nonNegative("soft-anti-affinity-weight-multiplier",
                        config.softAntiAffinityWeightMultiplier()))));
    }

    /** Nova's minimum of 0.0: a negative one would turn the soft policy into its opposite. Refused at start-up. */
    private static double nonNegative(String key, double multiplier) {
        if (multiplier < 0) {
            throw new IllegalArgumentException("windlass.scheduler." + key + " must not be negative: " + multiplier);
        }
        return multiplier;
    }
}
