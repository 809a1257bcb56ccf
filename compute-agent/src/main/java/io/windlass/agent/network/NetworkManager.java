package io.windlass.agent.network;

import io.windlass.agent.driver.DriverException;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.fault.TransientFailure;
import io.windlass.network.UpdateNetworkPeers;
import io.windlass.rpc.RpcEndpoint;
import org.jboss.logging.Logger;

/**
 * The host's tenant network method on {@code compute.<host>}: {@code update_network_peers}, cast by
 * the conductor to every host of a network when a host gains its first or loses its last port of
 * it. Workloads' own ports are wired by their kinds' create and delete.
 */
public final class NetworkManager {
    private static final Logger LOG = Logger.getLogger(NetworkManager.class);

    private final TenantNetworks networks;

    public NetworkManager(TenantNetworks networks) {
        this.networks = networks;
    }

    public RpcEndpoint register(RpcEndpoint endpoint) {
        return endpoint.on(ComputeRpcApi.UPDATE_NETWORK_PEERS, (ctx, r) -> {
            updatePeers(r);
            return null;
        });
    }

    void updatePeers(UpdateNetworkPeers request) {
        var network = request.network();
        LOG.infof("update_network_peers %s (VNI %d): %s", network.networkId(), network.vni(),
                network.peerUnderlayAddresses());
        try {
            FdbPlan plan = networks.updatePeers(network);
            LOG.debugf("network %s: flooding to %s added, %s removed", network.networkId(), plan.toAdd(),
                    plan.toRemove());
        } catch (DriverException e) {
            if (TransientFailure.of(e).isPresent()) {
                // the engine restarting: the cast comes again once it answers
                throw e;
            }
            // the peers are the conductor's complete list: its next update, or the next create on the
            // network here (which ensures the same list), brings them right
            LOG.warnf("peers of network %s not updated: %s", network.networkId(), e.getMessage());
        }
    }
}
