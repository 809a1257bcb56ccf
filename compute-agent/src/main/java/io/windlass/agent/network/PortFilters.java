package io.windlass.agent.network;

import io.windlass.network.UpdatePortFilters;

/**
 * The ingress filtering of the host's ports (security groups), whatever enforces it: the host's
 * iptables on a Docker host ({@link IptablesPortFilters}); the fake driver's simulated hosts have
 * no ports and ignore it.
 */
public interface PortFilters {

    /**
     * Makes the host's filtering exactly {@code request}: its ports filtered as listed, every other
     * port unfiltered. Idempotent; a failure leaves the filtering as it was.
     */
    void apply(UpdatePortFilters request);

    /**
     * Puts the filtering of the last {@link #apply} back in front: the engine has just made a network
     * and put its own accept rule for it first, ahead of the filters. Nothing to do before any apply.
     */
    default void reassert() {
    }
}
