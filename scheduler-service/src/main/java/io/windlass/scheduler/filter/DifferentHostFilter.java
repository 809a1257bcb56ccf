package io.windlass.scheduler.filter;

import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.host.HostCandidate;

import java.util.List;

/** Hint {@code different_host}: only hosts that hold a claim for none of the named workloads. */
public class DifferentHostFilter implements HostFilter {

    @Override
    public boolean passes(HostCandidate host, ResourceRequest request) {
        List<String> avoided = request.hint(ResourceRequest.DIFFERENT_HOST);
        // a loop, not a stream: this runs for every host of every decision, mostly with no hint
        for (String workload : avoided) {
            if (host.referencedWorkloads().contains(workload)) {
                return false;
            }
        }
        return true;
    }
}
