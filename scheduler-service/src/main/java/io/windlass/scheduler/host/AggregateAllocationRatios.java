package io.windlass.scheduler.host;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Aggregate metadata that overrides the configured allocation ratios of member hosts (Nova's
 * AggregateCoreFilter, AggregateRamFilter, AggregateDiskFilter): when a host is in several
 * aggregates with different values, the smallest wins; a value that is not a plain non-negative
 * decimal is ignored (and logged once by {@link ComputeHostReader}).
 * <p>
 * The claim and the resize apply the same rule in SQL ({@code claim.EffectiveRatioSql}, with
 * {@link #VALID_VALUE}), so the filter's view and the claim's capacity check can never disagree
 * about the ratio.
 */
public enum AggregateAllocationRatios {
    CPU("cpu_allocation_ratio"),
    RAM("ram_allocation_ratio"),
    DISK("disk_allocation_ratio");

    /**
     * A ratio value (after stripping): digits with an optional fraction, as both Java's
     * {@link Double#parseDouble} and PostgreSQL's {@code CAST(... AS double precision)} read them.
     * Written so that Java's and PostgreSQL's (POSIX) regular expressions mean the same.
     */
    public static final String VALID_VALUE = "^([0-9]+(\\.[0-9]*)?|\\.[0-9]+)$";
    private static final Pattern VALID = Pattern.compile(VALID_VALUE);

    private final String key;

    AggregateAllocationRatios(String key) {
        this.key = key;
    }

    /** The metadata key. */
    public String key() {
        return key;
    }

    public static boolean isValid(String value) {
        return VALID.matcher(value.strip()).matches();
    }

    /** The smallest valid value of this key in merged metadata, or NaN when there is none. */
    double smallest(Map<String, Set<String>> metadata) {
        double smallest = Double.NaN;
        for (String value : metadata.getOrDefault(key, Set.of())) {
            if (isValid(value)) {
                double ratio = Double.parseDouble(value.strip());
                smallest = Double.isNaN(smallest) ? ratio : Math.min(smallest, ratio);
            }
        }
        return smallest;
    }

    /** The ratio to apply to a host: its aggregates' override, or the configured one. */
    public static AllocationRatios effective(AllocationRatios configured, HostAggregates aggregates) {
        return new AllocationRatios(aggregates.cpuRatio(configured.cpu()), aggregates.ramRatio(configured.ram()),
                aggregates.diskRatio(configured.disk()));
    }
}
