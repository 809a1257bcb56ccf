package io.windlass.scheduler.filter;

import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.group.ServerGroupPlacement;
import io.windlass.scheduler.group.ServerGroupPolicy;
import io.windlass.scheduler.host.HostCandidate;

/**
 * Nova's ServerGroupAffinityFilter: a member of an {@code affinity} group goes where the group's
 * other members are; the first one placed goes anywhere the other filters allow.
 */
public class ServerGroupAffinityFilter implements ServerGroupFilter {

    @Override
    public boolean passes(HostCandidate host, ResourceRequest request) {
        ServerGroupPlacement group = host.serverGroup();
        if (!group.is(ServerGroupPolicy.AFFINITY) || !group.anyMemberPlaced()) {
            return true;
        }
        return host.serverGroupMembersHere() > 0;
    }
}
