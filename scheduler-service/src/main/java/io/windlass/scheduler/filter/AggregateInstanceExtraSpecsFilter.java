package io.windlass.scheduler.filter;

import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.host.HostCandidate;

import java.util.Map;
import java.util.Set;

/**
 * Matches the workload's properties (container labels, flavor extra specs) against the
 * metadata of the host's aggregates: every unscoped property, and every one scoped
 * {@code aggregate_instance_extra_specs:}, must be a key of the aggregates with at least one
 * value satisfying the requirement ({@link ExtraSpecRequirement}). Other scopes belong to
 * other filters and are skipped; a workload without properties passes everywhere.
 */
public class AggregateInstanceExtraSpecsFilter implements HostFilter {
    static final String SCOPE = "aggregate_instance_extra_specs";

    @Override
    public boolean passes(HostCandidate host, ResourceRequest request) {
        for (Map.Entry<String, String> property : request.properties().entrySet()) {
            String key = property.getKey();
            int colon = key.indexOf(':');
            if (colon >= 0) {
                if (!key.substring(0, colon).equals(SCOPE)) {
                    continue;
                }
                key = key.substring(colon + 1);
            }
            Set<String> values = host.aggregates().values(key);
            if (values.isEmpty()) {
                return false;
            }
            if (!anyMatches(values, property.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyMatches(Set<String> values, String requirement) {
        for (String value : values) {
            if (ExtraSpecRequirement.matches(value, requirement)) {
                return true;
            }
        }
        return false;
    }
}
