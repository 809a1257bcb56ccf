package io.windlass.securitygroup.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.networking.NeutronErrorFormat;
import io.windlass.networking.NeutronListing;
import io.windlass.networking.NeutronQuery;
import io.windlass.networking.NeutronRequests;
import io.windlass.securitygroup.persistence.SecurityGroupRuleRecord;
import io.windlass.securitygroup.service.SecurityGroupService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.Map;

/** Neutron's {@code /v2.0/security-group-rules}. */
@Path(NeutronErrorFormat.PREFIX + "/v2.0/security-group-rules")
@Produces(MediaType.APPLICATION_JSON)
public class SecurityGroupRulesResource {
    private final SecurityGroupService service;
    private final NeutronRequests requests;
    private final NeutronListing listing;

    public SecurityGroupRulesResource(SecurityGroupService service, NeutronRequests requests, NeutronListing listing) {
        this.service = service;
        this.requests = requests;
        this.listing = listing;
    }

    @GET
    public Map<String, Object> list(@Context UriInfo uri) {
        NeutronQuery query = NeutronQuery.parse(uri.getQueryParameters());
        return listing.page("security_group_rules", query, service.listRules(query), SecurityGroupRuleRecord::id,
                r -> SecurityGroupView.rule(r, null));
    }

    @GET
    @Path("/{id}")
    public Map<String, Object> show(@PathParam("id") String id, @Context UriInfo uri) {
        return listing.one("security_group_rule", SecurityGroupView.rule(service.showRule(id), null),
                NeutronQuery.parse(uri.getQueryParameters()).fields());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body) {
        SecurityGroupRuleRecord created = service.createRule(requests.body("network/security-group-rules/create",
                "security_group_rule", body));
        return Response.status(201).entity(Map.of("security_group_rule", SecurityGroupView.rule(created, null))).build();
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        service.deleteRule(id);
        return Response.noContent().build();
    }
}
