package io.windlass.scheduler.filter;

/**
 * A filter that judges a host by where the request's server group already is. Its verdict can go
 * stale while the decision is made (another member claims meanwhile), so the claim of a group
 * member runs the chain's server group filters again in the group's turn (DestinationSelector,
 * {@code ServerGroupTurns}).
 */
public interface ServerGroupFilter extends HostFilter {
}
