package io.windlass.scheduler.weigher;

import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.group.ServerGroupPolicy;
import io.windlass.scheduler.host.HostCandidate;

/**
 * Nova's ServerGroupSoftAffinityWeigher: for a member of a {@code soft-affinity} group, the more of
 * the group's other members a host has, the more it weighs; every host weighs the same otherwise.
 */
public class ServerGroupSoftAffinityWeigher implements HostWeigher {
    private final double multiplier;

    public ServerGroupSoftAffinityWeigher(double multiplier) {
        this.multiplier = multiplier;
    }

    @Override
    public double multiplier() {
        return multiplier;
    }

    @Override
    public double rawWeight(HostCandidate host, ResourceRequest request) {
        return host.serverGroup().is(ServerGroupPolicy.SOFT_AFFINITY) ? host.serverGroupMembersHere() : 0;
    }
}
