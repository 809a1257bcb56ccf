package io.windlass.network.api;

import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.compute.api.ComputeApiVersions;
import io.windlass.compute.api.RequestedComputeVersion;
import io.windlass.compute.policy.ComputePolicy;
import io.windlass.context.RequestContext;
import io.windlass.network.persistence.NetworkRecord;
import io.windlass.network.service.NetworkService;
import io.windlass.networking.NeutronException;
import io.windlass.networking.NeutronQuery;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/**
 * What Nova's two network proxies ({@code os-networks}, {@code os-tenant-networks}) share: they
 * exist up to 2.35 only, show the networks the caller sees in the Networking API, and name an
 * unknown one as Nova does. Each resource only shapes the network its own way.
 */
@ApplicationScoped
class NovaNetworkProxy {
    private final NetworkService networks;
    private final ComputePolicy policy;
    private final CurrentRequestContext context;
    private final RequestedComputeVersion version;

    NovaNetworkProxy(NetworkService networks, ComputePolicy policy, CurrentRequestContext context,
                     RequestedComputeVersion version) {
        this.networks = networks;
        this.policy = policy;
        this.context = context;
        this.version = version;
    }

    /** The proxies answer 404 from 2.36 on, as any route outside its versions does; then the rule decides. */
    RequestContext authorized(String rule) {
        if (version.isAtLeast(ComputeApiVersions.NETWORK_PROXY_REMOVED)) {
            throw new ResourceNotFoundException("NotFound", "The resource could not be found.");
        }
        RequestContext caller = context.get();
        policy.authorize(rule, caller);
        return caller;
    }

    List<NetworkRecord> visible() {
        return networks.list(NeutronQuery.parse(Map.of()));
    }

    /** Nova's 404 {@code Network not found} for what the caller cannot see, a uuid or not. */
    NetworkRecord show(String id) {
        try {
            return networks.show(id);
        } catch (NeutronException e) {
            if (e.status() != 404) {
                throw e;
            }
            throw new ResourceNotFoundException("NetworkNotFound", "Network not found");
        }
    }
}
