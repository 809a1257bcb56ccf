package io.windlass.scheduler.claim;

import io.windlass.scheduler.host.AggregateAllocationRatios;

/**
 * The one SQL text of the rule of {@link AggregateAllocationRatios}: a host's effective
 * {@code cpu/ram/disk_allocation_ratio} is the smallest valid value among its aggregates'
 * metadata (comma-separated values split, values not matching the regular expression ignored),
 * null where none sets one. The claim and the resize both select from it, so they cannot
 * disagree with each other or with the filters.
 */
final class EffectiveRatioSql {
    private static final String SELECT = """
            SELECT %1$s
                   MIN(CAST(btrim(v.part) AS double precision)) FILTER (WHERE m.key = 'cpu_allocation_ratio') AS cpu,
                   MIN(CAST(btrim(v.part) AS double precision)) FILTER (WHERE m.key = 'ram_allocation_ratio') AS ram,
                   MIN(CAST(btrim(v.part) AS double precision)) FILTER (WHERE m.key = 'disk_allocation_ratio') AS disk
            FROM aggregate_hosts ah
            JOIN aggregate_metadata m ON m.aggregate_id = ah.aggregate_id
            CROSS JOIN LATERAL unnest(string_to_array(m.value, ',')) AS v(part)
            WHERE %2$s
              AND m.key IN ('cpu_allocation_ratio', 'ram_allocation_ratio', 'disk_allocation_ratio')
              AND btrim(v.part) ~ %3$s
            %4$s""";

    private EffectiveRatioSql() {
    }

    /** One row (columns cpu, ram, disk) for the one host {@code hostCondition} selects. */
    static String forOneHost(String hostCondition, String validValueParameter) {
        return SELECT.formatted("", hostCondition, validValueParameter, "");
    }

    /** A row (columns host, cpu, ram, disk) per host with at least one valid ratio in its aggregates. */
    static String perHost(String hostCondition, String validValueParameter) {
        return SELECT.formatted("ah.host,", hostCondition, validValueParameter, "GROUP BY ah.host");
    }
}
