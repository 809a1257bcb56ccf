package io.windlass.scheduler.filter;

import io.windlass.scheduler.config.SchedulerConfig;
import io.windlass.host.ServiceLivenessConfig;
import io.windlass.scheduler.host.AllocationRatios;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/** Builds the configured filter chain once; an unknown filter name stops the service at start. */
@ApplicationScoped
public class FilterChainProducer {

    @Produces
    @Singleton
    FilterChain filterChain(SchedulerConfig config, ServiceLivenessConfig liveness, AllocationRatios ratios) {
        List<HostFilter> filters = new ArrayList<>();
        filters.add(new RequestedHostFilter());
        for (String name : config.enabledFilters()) {
            filters.add(switch (name.strip()) {
                case "ComputeFilter" -> new ComputeFilter(liveness.serviceDownTime());
                case "ResourceFilter" -> new ResourceFilter(ratios);
                case "AvailabilityZoneFilter" -> new AvailabilityZoneFilter(config.defaultAvailabilityZone());
                case "AggregateMultiTenancyIsolation" -> new AggregateMultiTenancyIsolation();
                case "AggregateInstanceExtraSpecsFilter" -> new AggregateInstanceExtraSpecsFilter();
                case "AggregateImagePropertiesIsolation" -> new AggregateImagePropertiesIsolation();
                case "SameHostFilter" -> new SameHostFilter();
                case "DifferentHostFilter" -> new DifferentHostFilter();
                case "ServerGroupAntiAffinityFilter" -> new ServerGroupAntiAffinityFilter();
                case "ServerGroupAffinityFilter" -> new ServerGroupAffinityFilter();
                case "RuntimeFilter" -> new RuntimeFilter();
                case "CpuSetFilter" -> new CpuSetFilter();
                default -> throw new IllegalArgumentException("windlass.scheduler.enabled-filters: unknown filter "
                        + name);
            });
        }
        return new FilterChain(filters);
    }
}
