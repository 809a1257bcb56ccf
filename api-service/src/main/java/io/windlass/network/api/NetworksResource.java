package io.windlass.network.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.network.persistence.NetworkRecord;
import io.windlass.network.service.NetworkService;
import io.windlass.networking.NetworkingPolicy;
import io.windlass.networking.NeutronErrorFormat;
import io.windlass.networking.NeutronListing;
import io.windlass.networking.NeutronQuery;
import io.windlass.networking.NeutronRequests;
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

/** Neutron's {@code /v2.0/networks} under the API port's {@code /network} prefix. */
@Path(NeutronErrorFormat.PREFIX + "/v2.0/networks")
@Produces(MediaType.APPLICATION_JSON)
public class NetworksResource {
    private final NetworkService service;
    private final NeutronRequests requests;
    private final NeutronListing listing;
    private final NetworkingPolicy policy;

    public NetworksResource(NetworkService service, NeutronRequests requests, NeutronListing listing,
                            NetworkingPolicy policy) {
        this.service = service;
        this.requests = requests;
        this.listing = listing;
        this.policy = policy;
    }

    @GET
    public Map<String, Object> list(@Context UriInfo uri) {
        NeutronQuery query = NeutronQuery.parse(uri.getQueryParameters());
        return listing.page("networks", query, service.list(query), NetworkRecord::id, this::view);
    }

    @GET
    @Path("/{id}")
    public Map<String, Object> show(@PathParam("id") String id, @Context UriInfo uri) {
        return listing.one("network", view(service.show(id)), NeutronQuery.parse(uri.getQueryParameters()).fields());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body) {
        NetworkRecord created = service.create(requests.body("network/networks/create", "network", body));
        return Response.status(201).entity(Map.of("network", view(created))).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(@PathParam("id") String id, JsonNode body) {
        return Map.of("network", view(service.update(id, requests.body("network/networks/update", "network", body))));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        service.delete(id);
        return Response.noContent().build();
    }

    private Map<String, Object> view(NetworkRecord n) {
        return NetworkView.of(n, policy.isAdmin());
    }
}
