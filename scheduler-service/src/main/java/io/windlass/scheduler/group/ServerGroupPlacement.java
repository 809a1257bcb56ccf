package io.windlass.scheduler.group;

import java.util.Map;
import java.util.UUID;

/**
 * The server group a request's server belongs to and where its other members are (Nova's
 * {@code RequestSpec.instance_group} with its members and hosts), read for one decision
 * ({@link ServerGroupReader}). The filters and weighers find it on every host of that decision.
 *
 * @param group            the group's uuid; null in {@link #NONE}
 * @param policy           the group's policy; null in {@link #NONE}
 * @param maxServerPerHost anti-affinity's {@code max_server_per_host}, 1 when the group has no such rule
 * @param membersByHost    host → how many of the group's other members hold a claim there
 */
public record ServerGroupPlacement(UUID group, ServerGroupPolicy policy, int maxServerPerHost,
                                   Map<String, Integer> membersByHost) {

    /** A request in no server group: no group filter or weigher has anything to say. */
    public static final ServerGroupPlacement NONE = new ServerGroupPlacement(null, null, 1, Map.of());

    public ServerGroupPlacement {
        membersByHost = Map.copyOf(membersByHost);
    }

    public boolean is(ServerGroupPolicy p) {
        return policy == p;
    }

    /** A hard policy: its filter's verdict must still hold when the claim is made. */
    public boolean isHard() {
        return policy != null && policy.isHard();
    }

    /** Other members of the group with a claim on {@code host}. */
    public int membersOn(String host) {
        return membersByHost.getOrDefault(host, 0);
    }

    /** Whether any other member has a host yet (affinity follows the first one placed). */
    public boolean anyMemberPlaced() {
        return !membersByHost.isEmpty();
    }
}
