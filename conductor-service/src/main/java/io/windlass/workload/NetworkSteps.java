package io.windlass.workload;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.network.NetworkBinding;
import io.windlass.network.UpdateNetworkPeers;
import io.windlass.network.WorkloadNetworking;
import io.windlass.network.WorkloadNetworks;
import io.windlass.rpc.RpcVersionCapExceeded;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;

/** The lifecycle's steps about a workload's ports: the database side and the casts to hosts. */
public record NetworkSteps(WorkloadNetworking networking, ComputeRpcApi compute) {
    private static final Logger LOG = Logger.getLogger(NetworkSteps.class);

    /**
     * @throws RpcVersionCapExceeded when the workload has ports and the agents under the compute cap
     *                               are older than tenant networks (they would create it on no port)
     */
    public void requireAgentsTakePorts(WorkloadNetworks networks) {
        if (!networks.isEmpty()) {
            compute.versionFor(ComputeRpcApi.UPDATE_NETWORK_PEERS);
        }
    }

    /**
     * Once a placement has committed, tells every host carrying one of the workload's networks its
     * peers. Read after the commit: a placement on another host that committed meanwhile is seen
     * here, or sees this one; the reconciler's round mends the rest.
     */
    public void castPeersAfterPlacement(RequestContext ctx, WorkloadNetworks placed) {
        if (placed.isEmpty()) {
            return;
        }
        List<String> networkIds = placed.networks().stream().map(NetworkBinding::networkId).toList();
        castPeers(ctx, QuarkusTransaction.requiringNew().call(() -> networking.peerUpdates(networkIds)));
    }

    /** Tells each host its networks' peers; one lost is mended by the next reconcile round. */
    public void castPeers(RequestContext ctx, Map<String, List<NetworkBinding>> updates) {
        updates.forEach((host, bindings) -> bindings.forEach(binding -> {
            try {
                compute.updateNetworkPeers(host, ctx, new UpdateNetworkPeers(binding));
            } catch (RpcVersionCapExceeded e) {
                LOG.warnf("network %s: peers not sent to %s: %s", binding.networkId(), host, e.getMessage());
            }
        }));
    }
}
