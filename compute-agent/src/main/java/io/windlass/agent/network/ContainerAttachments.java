package io.windlass.agent.network;

import java.util.Map;

/**
 * The engine networks one engine container has settings for, as its inspection shows them, and
 * which of them it is on. A running container is on a network where it has an endpoint; a stopped
 * one has no endpoint anywhere and is on every network it keeps settings for (it gets the endpoints
 * back when it starts). A running container's setting without an endpoint is what a connect the
 * engine refused leaves behind: dockerd 20.10 records the setting before it allocates the address,
 * and keeps it when the allocation fails. The container is not on that network, and its next start
 * fails on the setting.
 *
 * @param running   whether the container runs (paused included: its endpoints stay)
 * @param endpoints engine network name to the container's endpoint id there, blank while it has none
 */
record ContainerAttachments(boolean running, Map<String, String> endpoints) {
    /** The engine's network of a container without any ({@code --network none}): it may join no other while on it. */
    static final String NO_NETWORK = "none";

    ContainerAttachments {
        endpoints = Map.copyOf(endpoints);
    }

    /** Whether the container is on the Windlass network (an attach then has nothing to connect). */
    boolean isOn(String networkId) {
        String endpoint = endpoints.get(DataPlaneNames.engineNetwork(networkId));
        return endpoint != null && (!running || !endpoint.isBlank());
    }

    /** Whether the container keeps a setting for the Windlass network that it is not on: a refused connect's. */
    boolean keepsRefusedConnect(String networkId) {
        return endpoints.containsKey(DataPlaneNames.engineNetwork(networkId)) && !isOn(networkId);
    }

    /** Whether the container is on no network at all ({@code none}), which it must leave to join one. */
    boolean isOnNoNetwork() {
        return endpoints.containsKey(NO_NETWORK);
    }
}
