package io.windlass.subnet.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.networking.NeutronErrorFormat;
import io.windlass.networking.NeutronListing;
import io.windlass.networking.NeutronQuery;
import io.windlass.networking.NeutronRequests;
import io.windlass.subnet.persistence.SubnetRecord;
import io.windlass.subnet.service.SubnetService;
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

/** Neutron's {@code /v2.0/subnets}. */
@Path(NeutronErrorFormat.PREFIX + "/v2.0/subnets")
@Produces(MediaType.APPLICATION_JSON)
public class SubnetsResource {
    private final SubnetService service;
    private final NeutronRequests requests;
    private final NeutronListing listing;

    public SubnetsResource(SubnetService service, NeutronRequests requests, NeutronListing listing) {
        this.service = service;
        this.requests = requests;
        this.listing = listing;
    }

    @GET
    public Map<String, Object> list(@Context UriInfo uri) {
        NeutronQuery query = NeutronQuery.parse(uri.getQueryParameters());
        return listing.page("subnets", query, service.list(query), SubnetRecord::id, SubnetView::of);
    }

    @GET
    @Path("/{id}")
    public Map<String, Object> show(@PathParam("id") String id, @Context UriInfo uri) {
        return listing.one("subnet", SubnetView.of(service.show(id)), NeutronQuery.parse(uri.getQueryParameters()).fields());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body) {
        SubnetRecord created = service.create(requests.body("network/subnets/create", "subnet", body));
        return Response.status(201).entity(Map.of("subnet", SubnetView.of(created))).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(@PathParam("id") String id, JsonNode body) {
        return Map.of("subnet", SubnetView.of(service.update(id, requests.body("network/subnets/update", "subnet", body))));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        service.delete(id);
        return Response.noContent().build();
    }
}
