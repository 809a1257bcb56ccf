package io.windlass.networking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The REST shell that every Neutron collection shares ({@code /v2.0/networks}, {@code subnets},
 * {@code ports}, {@code security-groups}, {@code routers}): list with filters, paging and
 * {@code fields}; show; create (201); update; delete (204). A collection's resource names its
 * keys and schemas and says how a row is shown; its service decides everything else.
 *
 * @param <R> the collection's row
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class NeutronCollectionResource<R> {
    private final NeutronCollectionService<R> service;
    private final NeutronRequests requests;
    private final NeutronListing listing;
    private final Keys<R> keys;

    /**
     * How a collection is spelled on the wire.
     *
     * @param collection the list's key ({@code security_groups})
     * @param member     one row's key ({@code security_group}), also the request body's
     * @param schemas    the folder of its request schemas ({@code network/security-groups})
     * @param id         a row's id, for paging
     */
    public record Keys<R>(String collection, String member, String schemas, Function<R, String> id) {
    }

    protected NeutronCollectionResource(NeutronCollectionService<R> service, NeutronRequests requests,
                                        NeutronListing listing, Keys<R> keys) {
        this.service = service;
        this.requests = requests;
        this.listing = listing;
        this.keys = keys;
    }

    /** A row as the caller sees it. */
    protected abstract Map<String, Object> view(R row);

    @GET
    public Map<String, Object> list(@Context UriInfo uri) {
        NeutronQuery query = NeutronQuery.parse(uri.getQueryParameters());
        return listing.page(keys.collection(), query, service.list(query), keys.id(), this::view);
    }

    @GET
    @Path("/{id}")
    public Map<String, Object> show(@PathParam("id") String id, @Context UriInfo uri) {
        return listing.one(keys.member(), view(service.show(id)), NeutronQuery.parse(uri.getQueryParameters()).fields());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body) {
        if (body != null && body.isObject() && body.has(keys.collection()) && !body.has(keys.member())) {
            return createBulk(body.get(keys.collection()));
        }
        R created = service.create(requests.body(keys.schemas() + "/create", keys.member(), body));
        return Response.status(201).entity(Map.of(keys.member(), view(created))).build();
    }

    /**
     * Neutron's bulk create ({@code {"networks": [...]}}): every item validated first, then all
     * made in one transaction, so one refused item leaves none of the others behind.
     */
    private Response createBulk(JsonNode items) {
        if (!items.isArray() || items.isEmpty()) {
            throw NeutronException.badRequest(ApiFamily.NEUTRON_BAD_REQUEST, "Resources required");
        }
        List<RequestFields> given = new ArrayList<>();
        for (JsonNode item : items) {
            given.add(requests.body(keys.schemas() + "/create", keys.member(),
                    JsonNodeFactory.instance.objectNode().set(keys.member(), item)));
        }
        List<R> created = QuarkusTransaction.requiringNew().call(() -> given.stream().map(service::create).toList());
        return Response.status(201).entity(Map.of(keys.collection(), created.stream().map(this::view).toList())).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(@PathParam("id") String id, JsonNode body) {
        return Map.of(keys.member(), view(service.update(id, requests.body(keys.schemas() + "/update", keys.member(),
                body))));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        service.delete(id);
        return Response.noContent().build();
    }
}
