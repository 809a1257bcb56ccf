package io.windlass.scheduler.weigher;

import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.group.ServerGroupPolicy;
import io.windlass.scheduler.host.HostCandidate;

/**
 * Nova's ServerGroupSoftAntiAffinityWeigher: for a member of a {@code soft-anti-affinity} group, the
 * fewer of the group's other members a host has, the more it weighs (the count, negated); every host
 * weighs the same otherwise.
 */
public class ServerGroupSoftAntiAffinityWeigher implements HostWeigher {
    private final double multiplier;

    public ServerGroupSoftAntiAffinityWeigher(double multiplier) {
        this.multiplier = multiplier;
    }

    @Override
    public double multiplier() {
        return multiplier;
    }

    @Override
    public double rawWeight(HostCandidate host, ResourceRequest request) {
        return host.serverGroup().is(ServerGroupPolicy.SOFT_ANTI_AFFINITY) ? -host.serverGroupMembersHere() : 0;
    }
}
