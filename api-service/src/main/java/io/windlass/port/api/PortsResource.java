package io.windlass.port.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.networking.NetworkingPolicy;
import io.windlass.networking.NeutronErrorFormat;
import io.windlass.networking.NeutronListing;
import io.windlass.networking.NeutronQuery;
import io.windlass.networking.NeutronRequests;
import io.windlass.port.persistence.PortRecord;
import io.windlass.port.service.PortService;
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

/** Neutron's {@code /v2.0/ports}. */
@Path(NeutronErrorFormat.PREFIX + "/v2.0/ports")
@Produces(MediaType.APPLICATION_JSON)
public class PortsResource {
    private final PortService service;
    private final NeutronRequests requests;
    private final NeutronListing listing;
    private final NetworkingPolicy policy;

    public PortsResource(PortService service, NeutronRequests requests, NeutronListing listing,
                         NetworkingPolicy policy) {
        this.service = service;
        this.requests = requests;
        this.listing = listing;
        this.policy = policy;
    }

    @GET
    public Map<String, Object> list(@Context UriInfo uri) {
        NeutronQuery query = NeutronQuery.parse(uri.getQueryParameters());
        return listing.page("ports", query, service.list(query), PortRecord::id, this::view);
    }

    @GET
    @Path("/{id}")
    public Map<String, Object> show(@PathParam("id") String id, @Context UriInfo uri) {
        return listing.one("port", view(service.show(id)), NeutronQuery.parse(uri.getQueryParameters()).fields());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body) {
        PortRecord created = service.create(requests.body("network/ports/create", "port", body));
        return Response.status(201).entity(Map.of("port", view(created))).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(@PathParam("id") String id, JsonNode body) {
        return Map.of("port", view(service.update(id, requests.body("network/ports/update", "port", body))));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        service.delete(id);
        return Response.noContent().build();
    }

    private Map<String, Object> view(PortRecord p) {
        return PortView.of(p, policy.isAdmin());
    }
}
