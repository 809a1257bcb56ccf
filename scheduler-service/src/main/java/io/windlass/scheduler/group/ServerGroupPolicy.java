package io.windlass.scheduler.group;

import java.util.Optional;

/** Nova's server group policies, as {@code server_groups.policy} spells them. */
public enum ServerGroupPolicy {
    /** All members on one host (ServerGroupAffinityFilter). */
    AFFINITY("affinity", true),
    /** At most {@code max_server_per_host} members on a host (ServerGroupAntiAffinityFilter). */
    ANTI_AFFINITY("anti-affinity", true),
    /** Members preferably together (ServerGroupSoftAffinityWeigher). */
    SOFT_AFFINITY("soft-affinity", false),
    /** Members preferably apart (ServerGroupSoftAntiAffinityWeigher). */
    SOFT_ANTI_AFFINITY("soft-anti-affinity", false);

    private final String name;
    private final boolean hard;

    ServerGroupPolicy(String name, boolean hard) {
        this.name = name;
        this.hard = hard;
    }

    /** A hard policy removes hosts (a filter) instead of preferring some (a weigher). */
    public boolean isHard() {
        return hard;
    }

    public static Optional<ServerGroupPolicy> of(String name) {
        for (ServerGroupPolicy p : values()) {
            if (p.name.equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return name;
    }
}
