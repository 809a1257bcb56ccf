package io.windlass.securitygroup.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.networking.NeutronErrorFormat;
import io.windlass.networking.NeutronListing;
import io.windlass.networking.NeutronQuery;
import io.windlass.networking.NeutronRequests;
import io.windlass.securitygroup.persistence.SecurityGroupRecord;
import io.windlass.securitygroup.service.SecurityGroupService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.Map;

/** Neutron's {@code /v2.0/security-groups}: stored and attached to ports, not enforced on the data plane yet. */
@Path(NeutronErrorFormat.PREFIX + "/v2.0/security-groups")
@Produces(MediaType.APPLICATION_JSON)
public class SecurityGroupsResource {
    private final SecurityGroupService service;
    private final NeutronRequests requests;
    private final NeutronListing listing;

    public SecurityGroupsResource(SecurityGroupService service, NeutronRequests requests, NeutronListing listing) {
        this.service = service;
        this.requests = requests;
        this.listing = listing;
    }

    @GET
    public Map<String, Object> list(@Context UriInfo uri) {
        NeutronQuery query = NeutronQuery.parse(uri.getQueryParameters());
        return listing.page("security_groups", query, service.list(query), SecurityGroupRecord::id,
                SecurityGroupView::group);
    }

    @GET
    @Path("/{id}")
    public Map<String, Object> show(@PathParam("id") String id, @Context UriInfo uri) {
        return listing.one("security_group", SecurityGroupView.group(service.show(id)),
                NeutronQuery.parse(uri.getQueryParameters()).fields());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body) {
        SecurityGroupRecord created = service.create(requests.body("network/security-groups/create", "security_group",
                body));
        return Response.status(201).entity(Map.of("security_group", SecurityGroupView.group(created))).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(@PathParam("id") String id, JsonNode body) {
        return Map.of("security_group", SecurityGroupView.group(service.update(id,
                requests.body("network/security-groups/update", "security_group", body))));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        service.delete(id);
        return Response.noContent().build();
    }
}
