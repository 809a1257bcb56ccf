package io.windlass.workload;

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

    /** Tells each other host carrying one of the networks its new peers; one lost is mended by the next. */
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
