package io.windlass.scheduler.host;

import io.windlass.scheduler.config.SchedulerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The configured overcommit, shared by the resource filter, the weighers and the claims. */
@ApplicationScoped
public class AllocationRatiosProducer {

    @Produces
    @Singleton
    AllocationRatios allocationRatios(SchedulerConfig config) {
        return new AllocationRatios(config.cpuAllocationRatio(), config.ramAllocationRatio(),
                config.diskAllocationRatio());
    }
}
