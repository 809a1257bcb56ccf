package io.windlass.agent.network;

import io.windlass.network.NetworkBinding;

import java.util.List;

/**
 * What the host's RPC methods and its periodic sync need of the tenant networks on the host,
 * whatever carries them: {@link EngineNetworks} on a Docker host; the fake driver's simulated hosts
 * carry none and ignore both.
 */
public interface TenantNetworks {

    /**
     * Floods the network's frames to exactly the binding's peers ({@code update_network_peers});
     * nothing for a network the host does not hold.
     *
     * @return what changed
     */
    FdbPlan updatePeers(NetworkBinding binding);

    /**
     * Removes every Windlass network no workload uses any more: the clean-up of a release that never
     * ran (the agent stopped between a workload's removal and its network's release, a workload
     * removed behind the agent's back, an auto-removed container).
     *
     * @return the Windlass network uuids removed from the host
     */
    List<String> releaseUnused();
}
