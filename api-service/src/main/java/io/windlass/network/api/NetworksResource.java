package io.windlass.network.api;

import io.windlass.network.persistence.NetworkRecord;
import io.windlass.network.service.NetworkService;
import io.windlass.networking.NetworkingPolicy;
import io.windlass.networking.NeutronCollectionResource;
import io.windlass.networking.NeutronErrorFormat;
import io.windlass.networking.NeutronListing;
import io.windlass.networking.NeutronRequests;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** Neutron's {@code /v2.0/networks} under the API port's {@code /network} prefix. */
@Path(NeutronErrorFormat.PREFIX + "/v2.0/networks")
@Produces(MediaType.APPLICATION_JSON)
public class NetworksResource extends NeutronCollectionResource<NetworkRecord> {
    private final NetworkingPolicy policy;

    public NetworksResource(NetworkService service, NeutronRequests requests, NeutronListing listing,
                            NetworkingPolicy policy) {
        super(service, requests, listing, new Keys<>("networks", "network", "network/networks", NetworkRecord::id));
        this.policy = policy;
    }

    /** Admins also see the VXLAN segment. */
    @Override
    protected Map<String, Object> view(NetworkRecord network) {
        return NetworkView.of(network, policy.isAdmin());
    }
}
