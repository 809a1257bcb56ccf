package io.windlass.scheduler.filter;

import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.group.ServerGroupPlacement;
import io.windlass.scheduler.group.ServerGroupPolicy;
import io.windlass.scheduler.host.HostCandidate;

/**
 * Nova's ServerGroupAntiAffinityFilter: a member of an {@code anti-affinity} group goes only to a
 * host with fewer than {@code max_server_per_host} (2.64's rule; 1 without it) of the group's other
 * members.
 */
public class ServerGroupAntiAffinityFilter implements ServerGroupFilter {

    @Override
    public boolean passes(HostCandidate host, ResourceRequest request) {
        ServerGroupPlacement group = host.serverGroup();
        return !group.is(ServerGroupPolicy.ANTI_AFFINITY) || host.serverGroupMembersHere() < group.maxServerPerHost();
    }
}
