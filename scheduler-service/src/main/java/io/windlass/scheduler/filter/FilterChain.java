package io.windlass.scheduler.filter;

import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.host.HostCandidate;

import java.util.ArrayList;
import java.util.List;

/** Runs filters in order and counts, per filter, the hosts it saw and removed. */
public class FilterChain {
    private final List<HostFilter> filters;

    public FilterChain(List<HostFilter> filters) {
        this.filters = List.copyOf(filters);
    }

    public List<String> names() {
        return filters.stream().map(HostFilter::name).toList();
    }

    /** The chain's {@link ServerGroupFilter}s, in order: what a group member's claim checks again in the group's turn. */
    public FilterChain serverGroupFilters() {
        return new FilterChain(filters.stream().filter(ServerGroupFilter.class::isInstance).toList());
    }

    public boolean isEmpty() {
        return filters.isEmpty();
    }

    /**
     * One pass over the hosts, each running the filters in order until one removes it; a filter
     * that no host reached did not run (nothing was left to learn). The same counts as a pass per
     * filter, with one list instead of one per filter: this runs for every decision.
     */
    public FilterOutcome apply(List<HostCandidate> hosts, ResourceRequest request) {
        int[] reached = new int[filters.size()];
        int[] removed = new int[filters.size()];
        List<HostCandidate> passed = new ArrayList<>(hosts.size());
        for (HostCandidate host : hosts) {
            boolean kept = true;
            for (int f = 0; f < filters.size() && kept; f++) {
                reached[f]++;
                if (!filters.get(f).passes(host, request)) {
                    removed[f]++;
                    kept = false;
                }
            }
            if (kept) {
                passed.add(host);
            }
        }
        List<FilterOutcome.Step> steps = new ArrayList<>();
        for (int f = 0; f < filters.size() && reached[f] > 0; f++) {
            steps.add(new FilterOutcome.Step(filters.get(f).name(), reached[f], removed[f]));
        }
        return new FilterOutcome(passed, hosts.size(), steps);
    }
}
