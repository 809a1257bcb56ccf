package io.windlass.workload;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.network.NetworkBinding;
import io.windlass.network.PortFilterReader;
import io.windlass.network.PortSpec;
import io.windlass.network.UpdateNetworkPeers;
import io.windlass.network.UpdatePortFilters;
import io.windlass.network.WorkloadNetworking;
import io.windlass.network.WorkloadNetworks;
import io.windlass.rpc.RpcVersionCapExceeded;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;

/**
 * The lifecycle's steps about a workload's ports: the database side and the casts to hosts, of
 * flooding peers ({@code update_network_peers}) and of security group filters
 * ({@code update_port_filters}).
 */
@ApplicationScoped
public class NetworkSteps {
    private static final Logger LOG = Logger.getLogger(NetworkSteps.class);

    private final WorkloadNetworking networking;
    private final PortFilterReader filters;
    private final ComputeRpcApi compute;

    public NetworkSteps(WorkloadNetworking networking, PortFilterReader filters, ComputeRpcApi compute) {
        this.networking = networking;
        this.filters = filters;
        this.compute = compute;
    }

    public WorkloadNetworking networking() {
        return networking;
    }

    public PortFilterReader filters() {
        return filters;
    }

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
     * peers, and every host whose filters the workload's ports change its filters. Read after the
     * commit: a placement on another host that committed meanwhile is seen here, or sees this one;
     * the reconciler's round mends the rest.
     */
    public void castAfterPlacement(RequestContext ctx, WorkloadNetworks placed) {
        if (placed.isEmpty()) {
            return;
        }
        castAfterPortChange(ctx, placed.networks().stream().map(NetworkBinding::networkId).toList(),
                placed.ports().stream().map(PortSpec::portId).toList(), null);
    }

    /**
     * After ports came to or left a host: the peers of their networks, the filters their groups touch,
     * and the filters of {@code host} (which a port that left no longer names).
     */
    public void castAfterPortChange(RequestContext ctx, List<String> networkIds, List<String> portIds, String host) {
        castPeers(ctx, QuarkusTransaction.requiringNew().call(() -> networking.peerUpdates(networkIds)));
        castFilters(ctx, QuarkusTransaction.requiringNew().call(() -> filters.concerning(portIds, host)));
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

    /** Tells each host the complete filters of its ports; one lost is mended by the next reconcile round. */
    public void castFilters(RequestContext ctx, Map<String, UpdatePortFilters> updates) {
        updates.forEach((host, update) -> {
            try {
                compute.updatePortFilters(host, ctx, update);
            } catch (RpcVersionCapExceeded e) {
                // an older agent enforces no security group; its ports stay open, as before
                LOG.debugf("port filters not sent to %s: %s", host, e.getMessage());
            }
        });
    }
}
