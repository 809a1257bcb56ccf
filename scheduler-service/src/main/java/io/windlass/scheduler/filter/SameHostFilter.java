package io.windlass.scheduler.filter;

import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.host.HostCandidate;

import java.util.List;

/** Hint {@code same_host}: only hosts that hold a claim for one of the named workloads. */
public class SameHostFilter implements HostFilter {

    @Override
    public boolean passes(HostCandidate host, ResourceRequest request) {
        List<String> wanted = request.hint(ResourceRequest.SAME_HOST);
        return wanted.isEmpty() || wanted.stream().anyMatch(host.referencedWorkloads()::contains);
    }
}
