package io.windlass.scheduler.filter;

import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.host.HostCandidate;

import java.util.ArrayList;
import java.util.List;

/** Runs filters in order; stops once no host is left, as there is nothing more to learn. */
public class FilterChain {
    private final List<HostFilter> filters;

    public FilterChain(List<HostFilter> filters) {
        this.filters = List.copyOf(filters);
    }

    public List<String> names() {
        return filters.stream().map(HostFilter::name).toList();
    }

    public FilterOutcome apply(List<HostCandidate> hosts, ResourceRequest request) {
        List<HostCandidate> remaining = hosts;
        List<FilterOutcome.Step> steps = new ArrayList<>();
        for (HostFilter filter : filters) {
            if (remaining.isEmpty()) {
                break;
            }
            // a plain loop: this runs for every host of every decision
            List<HostCandidate> passed = new ArrayList<>(remaining.size());
            for (HostCandidate host : remaining) {
                if (filter.passes(host, request)) {
                    passed.add(host);
                }
            }
            steps.add(new FilterOutcome.Step(filter.name(), remaining.size(), remaining.size() - passed.size()));
            remaining = passed;
        }
        return new FilterOutcome(remaining, hosts.size(), steps);
    }
}
