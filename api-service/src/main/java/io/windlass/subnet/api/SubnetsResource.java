package io.windlass.subnet.api;

import io.windlass.networking.NeutronCollectionResource;
import io.windlass.networking.NeutronErrorFormat;
import io.windlass.networking.NeutronListing;
import io.windlass.networking.NeutronRequests;
import io.windlass.subnet.persistence.SubnetRecord;
import io.windlass.subnet.service.SubnetService;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** Neutron's {@code /v2.0/subnets}. */
@Path(NeutronErrorFormat.PREFIX + "/v2.0/subnets")
@Produces(MediaType.APPLICATION_JSON)
public class SubnetsResource extends NeutronCollectionResource<SubnetRecord> {

    public SubnetsResource(SubnetService service, NeutronRequests requests, NeutronListing listing) {
        super(service, requests, listing, new Keys<>("subnets", "subnet", "network/subnets", SubnetRecord::id));
    }

    @Override
    protected Map<String, Object> view(SubnetRecord subnet) {
        return SubnetView.of(subnet);
    }
}
