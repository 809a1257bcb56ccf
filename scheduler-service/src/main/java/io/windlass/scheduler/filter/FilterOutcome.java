package io.windlass.scheduler.filter;

import io.windlass.scheduler.host.HostCandidate;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What the filters left, and how many hosts each one removed (to explain a NoValidHost).
 *
 * @param passed     hosts that passed every filter
 * @param totalHosts hosts considered
 * @param steps      filters that ran, in order
 */
public record FilterOutcome(List<HostCandidate> passed, int totalHosts, List<Step> steps) {

    /** Nova's NoValidHost message, followed by why each host was dropped. */
    public static final String NOT_ENOUGH_HOSTS = "There are not enough hosts available.";

    /**
     * One filter's effect.
     *
     * @param filter  filter name
     * @param before  hosts it looked at
     * @param removed hosts it removed
     */
    public record Step(String filter, int before, int removed) {
    }

    /** What a NoValidHost's {@code filter} tag names when no host was registered at all. */
    public static final String NO_HOSTS = "no_hosts";

    /**
     * The filter that removed the last hosts when none passed (a host reaches a filter only if every
     * earlier one kept it, so that is the last filter that ran), or {@link #NO_HOSTS}.
     */
    public String lastFilter() {
        return steps.isEmpty() ? NO_HOSTS : steps.getLast().filter();
    }

    public String explanation() {
        if (totalHosts == 0) {
            return NOT_ENOUGH_HOSTS + " No compute hosts are registered.";
        }
        String perFilter = steps.stream()
                .filter(s -> s.removed() > 0)
                .map(s -> s.filter() + " removed " + s.removed() + " of " + s.before())
                .collect(Collectors.joining("; "));
        String hosts = totalHosts + (totalHosts == 1 ? " host" : " hosts");
        return NOT_ENOUGH_HOSTS + " " + hosts + (perFilter.isEmpty() ? "." : ": " + perFilter);
    }
}
