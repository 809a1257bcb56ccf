package io.windlass.scheduler.host;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The merged metadata of every aggregate a host belongs to, as Nova's
 * {@code aggregate_metadata_get_by_host} builds it: each value is split on commas and the
 * values of one key from all aggregates are collected into one set.
 * <p>
 * The allocation ratio overrides ({@code cpu_allocation_ratio}, {@code ram_allocation_ratio},
 * {@code disk_allocation_ratio}, Nova's AggregateCoreFilter/AggregateRamFilter/AggregateDiskFilter)
 * are parsed once here, so that the resource filter and the weighers read a double per host
 * instead of parsing strings in their loops. {@link Double#NaN} means "no override".
 *
 * @param metadata           key → every value any of the host's aggregates gives it
 * @param cpuAllocationRatio smallest valid {@code cpu_allocation_ratio} of the host's aggregates, or NaN
 * @param ramAllocationRatio smallest valid {@code ram_allocation_ratio}, or NaN
 * @param diskAllocationRatio smallest valid {@code disk_allocation_ratio}, or NaN
 */
public record HostAggregates(Map<String, Set<String>> metadata, double cpuAllocationRatio,
                             double ramAllocationRatio, double diskAllocationRatio) {

    /** The metadata key that puts a host in an availability zone. */
    public static final String AVAILABILITY_ZONE = "availability_zone";

    /** A host in no aggregate. */
    public static final HostAggregates NONE = new HostAggregates(Map.of());

    public HostAggregates {
        metadata = Map.copyOf(metadata);
    }

    /** Merged metadata (values already split); the ratio overrides are parsed from it. */
    public HostAggregates(Map<String, Set<String>> metadata) {
        this(metadata, AggregateAllocationRatios.CPU.smallest(metadata),
                AggregateAllocationRatios.RAM.smallest(metadata), AggregateAllocationRatios.DISK.smallest(metadata));
    }

    /** Merges the metadata of several aggregates (each a key → raw value map). */
    public static HostAggregates merge(Collection<Map<String, String>> aggregates) {
        Map<String, Set<String>> merged = new HashMap<>();
        for (Map<String, String> aggregate : aggregates) {
            aggregate.forEach((key, value) -> merged.computeIfAbsent(key, k -> new LinkedHashSet<>())
                    .addAll(split(value)));
        }
        Map<String, Set<String>> frozen = new HashMap<>();
        merged.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
        return new HostAggregates(frozen);
    }

    static Set<String> split(String value) {
        Set<String> values = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            values.add(part.strip());
        }
        return values;
    }

    /** Values of a key; empty when no aggregate of the host defines it. */
    public Set<String> values(String key) {
        return metadata.getOrDefault(key, Set.of());
    }

    /** The host's zones from its aggregates, or only the default zone when none names one. */
    public Set<String> availabilityZones(String defaultZone) {
        Set<String> zones = values(AVAILABILITY_ZONE);
        return zones.isEmpty() ? Set.of(defaultZone) : zones;
    }

    /** True when one of the host's aggregates names {@code zone}, or, in none, when it is the default zone. */
    public boolean inAvailabilityZone(String zone, String defaultZone) {
        Set<String> zones = values(AVAILABILITY_ZONE);
        return zones.isEmpty() ? defaultZone.equals(zone) : zones.contains(zone);
    }

    /** The aggregates' CPU ratio, or {@code configured} when none of them overrides it. */
    public double cpuRatio(double configured) {
        return Double.isNaN(cpuAllocationRatio) ? configured : cpuAllocationRatio;
    }

    public double ramRatio(double configured) {
        return Double.isNaN(ramAllocationRatio) ? configured : ramAllocationRatio;
    }

    public double diskRatio(double configured) {
        return Double.isNaN(diskAllocationRatio) ? configured : diskAllocationRatio;
    }
}
