package io.windlass.scheduler.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** {@code windlass.scheduler.*}: how hosts are filtered, weighed and claimed. */
@ConfigMapping(prefix = "windlass.scheduler")
public interface SchedulerConfig {

    /**
     * Filters run in this order; each removes hosts that cannot take the request. Known:
     * ComputeFilter (enabled and heart-beating), ResourceFilter (room for CPU, memory and disk),
     * AvailabilityZoneFilter (requested zone, from aggregates), AggregateMultiTenancyIsolation
     * ({@code filter_tenant_id*} metadata), AggregateInstanceExtraSpecsFilter (workload properties
     * against metadata), AggregateImagePropertiesIsolation (image properties against metadata),
     * SameHostFilter and DifferentHostFilter (hints), ServerGroupAntiAffinityFilter and
     * ServerGroupAffinityFilter (the hint {@code group}: the hard server group policies, on by default as
     * in Nova), RuntimeFilter and CpuSetFilter (Zun's: a container's runtime and dedicated CPUs, as the
     * hosts report them). AggregateInstanceExtraSpecsFilter is not on by
     * default because container labels double as plain user metadata: with it, a labelled
     * container only fits hosts whose aggregates define its label keys (as in Nova, where it is
     * opt-in too).
     */
    @WithDefault("ComputeFilter,AvailabilityZoneFilter,AggregateMultiTenancyIsolation,"
            + "AggregateImagePropertiesIsolation,SameHostFilter,DifferentHostFilter,ServerGroupAntiAffinityFilter,"
            + "ServerGroupAffinityFilter,RuntimeFilter,CpuSetFilter,ResourceFilter")
    List<String> enabledFilters();

    /** Zone of hosts that no aggregate puts in a zone (Nova's {@code default_availability_zone}). */
    @WithDefault("nova")
    String defaultAvailabilityZone();

    /** Positive spreads by free memory, negative stacks. */
    @WithDefault("1.0")
    double ramWeightMultiplier();

    /** Positive spreads by free CPUs, negative stacks. */
    @WithDefault("1.0")
    double cpuWeightMultiplier();

    /** Positive prefers hosts with more workloads, negative fewer; 0 ignores workload counts. */
    @WithDefault("0.0")
    double workloadWeightMultiplier();

    /**
     * How much a member of a {@code soft-affinity} server group prefers the hosts of the group's other
     * members (Nova's {@code soft_affinity_weight_multiplier}); 0 turns the preference off. Not negative.
     */
    @WithDefault("1.0")
    double softAffinityWeightMultiplier();

    /**
     * How much a member of a {@code soft-anti-affinity} server group prefers hosts with fewer of the
     * group's other members (Nova's {@code soft_anti_affinity_weight_multiplier}); 0 turns it off. Not
     * negative.
     */
    @WithDefault("1.0")
    double softAntiAffinityWeightMultiplier();

    /**
     * Pick at random among this many best hosts. Above 1 it lowers the chance that concurrent
     * schedulers race for the same host.
     */
    @WithDefault("1")
    int hostSubsetSize();

    /** Virtual CPUs per physical CPU that may be claimed. */
    @WithDefault("16.0")
    double cpuAllocationRatio();

    /** Claimable memory per MiB of host memory. */
    @WithDefault("1.0")
    double ramAllocationRatio();

    /** Claimable disk per GiB of host disk. */
    @WithDefault("1.0")
    double diskAllocationRatio();

    /**
     * How long one read of the hosts and their aggregates is re-used for further decisions
     * (the process adds its own claims to it meanwhile); then it is read again on a background
     * thread while decisions go on with the current view. Claims are checked against PostgreSQL
     * whatever the view, so a longer time cannot over-commit; it only means that other
     * replicas' claims, disabled hosts and aggregate changes are seen later (a claim on a host
     * that filled up in the meantime fails and the next host is tried). {@code 0s} reads on
     * every decision.
     */
    @WithDefault("1s")
    Duration hostStateCacheTtl();

    /** Concurrent consumers of the scheduler topic in this process. */
    @WithDefault("4")
    int rpcConsumers();
}
