package io.windlass.securitygroup.api;

import io.windlass.networking.NeutronCollectionResource;
import io.windlass.networking.NeutronErrorFormat;
import io.windlass.networking.NeutronListing;
import io.windlass.networking.NeutronRequests;
import io.windlass.securitygroup.persistence.SecurityGroupRecord;
import io.windlass.securitygroup.service.SecurityGroupService;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** Neutron's {@code /v2.0/security-groups}: attached to ports; their ingress rules are enforced by the ports' hosts. */
@Path(NeutronErrorFormat.PREFIX + "/v2.0/security-groups")
@Produces(MediaType.APPLICATION_JSON)
public class SecurityGroupsResource extends NeutronCollectionResource<SecurityGroupRecord> {

    public SecurityGroupsResource(SecurityGroupService service, NeutronRequests requests, NeutronListing listing) {
        super(service, requests, listing, new Keys<>("security_groups", "security_group", "network/security-groups",
                SecurityGroupRecord::id));
    }

    @Override
    protected Map<String, Object> view(SecurityGroupRecord group) {
        return SecurityGroupView.group(group);
    }
}
