package io.windlass.port.api;

import io.windlass.networking.NetworkingPolicy;
import io.windlass.networking.NeutronCollectionResource;
import io.windlass.networking.NeutronErrorFormat;
import io.windlass.networking.NeutronListing;
import io.windlass.networking.NeutronRequests;
import io.windlass.port.persistence.PortRecord;
import io.windlass.port.service.PortService;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** Neutron's {@code /v2.0/ports}. */
@Path(NeutronErrorFormat.PREFIX + "/v2.0/ports")
@Produces(MediaType.APPLICATION_JSON)
public class PortsResource extends NeutronCollectionResource<PortRecord> {
    private final NetworkingPolicy policy;

    public PortsResource(PortService service, NeutronRequests requests, NeutronListing listing,
                         NetworkingPolicy policy) {
        super(service, requests, listing, new Keys<>("ports", "port", "network/ports", PortRecord::id));
        this.policy = policy;
    }

    /** The binding fields are for admins only. */
    @Override
    protected Map<String, Object> view(PortRecord port) {
        return PortView.of(port, policy.isAdmin());
    }
}
