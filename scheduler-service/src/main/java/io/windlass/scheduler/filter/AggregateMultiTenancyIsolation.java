package io.windlass.scheduler.filter;

import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.host.HostCandidate;

import java.util.Map;
import java.util.Set;

/**
 * Reserves hosts for projects: when the host's aggregates carry {@code filter_tenant_id*} keys
 * (several keys because one value holds at most 255 characters), only those projects may land
 * there. Hosts without such keys accept every project.
 */
public class AggregateMultiTenancyIsolation implements HostFilter {
    static final String KEY_PREFIX = "filter_tenant_id";

    @Override
    public boolean passes(HostCandidate host, ResourceRequest request) {
        boolean restricted = false;
        for (Map.Entry<String, Set<String>> entry : host.aggregates().metadata().entrySet()) {
            if (entry.getKey().startsWith(KEY_PREFIX)) {
                restricted = true;
                if (entry.getValue().contains(request.projectId())) {
                    return true;
                }
            }
        }
        return !restricted;
    }
}
