package io.windlass.scheduler.filter;

import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.host.HostCandidate;

/** Hint {@code different_host}: only hosts that hold a claim for none of the named workloads. */
public class DifferentHostFilter implements HostFilter {

    @Override
    public boolean passes(HostCandidate host, ResourceRequest request) {
        return request.hint(ResourceRequest.DIFFERENT_HOST).stream().noneMatch(host.referencedWorkloads()::contains);
    }
}
