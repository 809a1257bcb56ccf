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
 *
 * @param metadata key → every value any of the host's aggregates gives it
 */
public record HostAggregates(Map<String, Set<String>> metadata) {

    /** The metadata key that puts a host in an availability zone. */
    public static final String AVAILABILITY_ZONE = "availability_zone";

    /** A host in no aggregate. */
    public static final HostAggregates NONE = new HostAggregates(Map.of());

    public HostAggregates {
        metadata = Map.copyOf(metadata);
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

    private static Set<String> split(String value) {
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
}
