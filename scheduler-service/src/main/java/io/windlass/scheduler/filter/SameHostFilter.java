package io.windlass.scheduler.filter;

import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.host.HostCandidate;

import java.util.List;

/** Hint {@code same_host}: only hosts that hold a claim for one of the named workloads. */
public class SameHostFilter implements HostFilter {

    @Override
    public boolean passes(HostCandidate host, ResourceRequest request) {
        List<String> wanted = request.hint(ResourceRequest.SAME_HOST);
        if (wanted.isEmpty()) {
            return true;
        }
        for (String workload : wanted) {
            if (host.referencedWorkloads().contains(workload)) {
                return true;
            }
        }
        return false;
    }
}
