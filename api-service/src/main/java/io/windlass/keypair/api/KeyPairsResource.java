package io.windlass.keypair.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import io.windlass.compute.api.ComputeApiVersions;
import io.windlass.compute.api.ComputeLinks;
import io.windlass.compute.api.ComputePagination;
import io.windlass.compute.api.RequestedComputeVersion;
import io.windlass.keypair.persistence.KeyPairRecord;
import io.windlass.keypair.service.CreatedKeyPair;
import io.windlass.keypair.service.KeyPairService;
import io.windlass.keypair.service.NewKeyPair;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nova's {@code /v2.1/os-keypairs} ({@code nova/api/openstack/compute/keypairs.py}) under the API
 * port's {@code /compute} prefix: create (generate or import), list, show and delete the caller's
 * key pairs, or, for an admin from 2.10, a named user's ({@code user_id}).
 */
@Path("/compute/v2.1/os-keypairs")
@Produces(MediaType.APPLICATION_JSON)
public class KeyPairsResource {
    private static final String LIST_QUERY = "compute/keypairs/list-query";
    private static final String QUERY = "compute/keypairs/query";

    private final KeyPairService service;
    private final RequestValidator validator;
    private final ComputePagination pagination;
    private final CurrentRequestContext context;
    private final RequestedComputeVersion version;
    private final ComputeLinks links;

    public KeyPairsResource(KeyPairService service, RequestValidator validator, ComputePagination pagination,
                            CurrentRequestContext context, RequestedComputeVersion version, ComputeLinks links) {
        this.service = service;
        this.validator = validator;
        this.pagination = pagination;
        this.context = context;
        this.version = version;
        this.links = links;
    }

    /** 200 before 2.2, 201 from it; the private key only when one was generated. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body) {
        NewKeyPair request = validator.body(ApiFamily.NOVA, "compute/keypairs/create", version.get(), body)
                .object("keypair").as(NewKeyPair.class);
        CreatedKeyPair created = service.create(context.get(), request);
        return Response.status(version.isAtLeast(ComputeApiVersions.KEYPAIR_TYPE) ? 201 : 200)
                .entity(Map.of("keypair", KeyPairView.created(created.keyPair(), created.privateKey(), version.get())))
                .build();
    }

    @GET
    public Map<String, Object> list(@Context UriInfo uri) {
        var query = uri.getQueryParameters();
        RequestFields given = validator.query(ApiFamily.NOVA, LIST_QUERY, version.get(), query);
        boolean paged = version.isAtLeast(ComputeApiVersions.KEYPAIR_PAGING);
        int limit = pagination.limit(paged ? given.text("limit") : null);
        List<KeyPairRecord> pairs = service.list(context.get(), user(given), paged ? given.text("marker") : null,
                limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("keypairs", pairs.stream().map(k -> Map.of("keypair", KeyPairView.item(k, version.get()))).toList());
        if (paged) {
            List<Map<String, String>> next = pagination.links(links.versioned() + "/os-keypairs", query, pairs.size(),
                    limit, pairs.isEmpty() ? null : pairs.getLast().name());
            if (!next.isEmpty()) {
                body.put("keypairs_links", next);
            }
        }
        return body;
    }

    @GET
    @Path("/{name}")
    public Map<String, Object> show(@PathParam("name") String name, @Context UriInfo uri) {
        RequestFields given = validator.query(ApiFamily.NOVA, QUERY, version.get(), uri.getQueryParameters());
        return Map.of("keypair", KeyPairView.full(service.show(context.get(), user(given), name), version.get()));
    }

    /** 202 before 2.2, 204 from it. */
    @DELETE
    @Path("/{name}")
    public Response delete(@PathParam("name") String name, @Context UriInfo uri) {
        RequestFields given = validator.query(ApiFamily.NOVA, QUERY, version.get(), uri.getQueryParameters());
        service.delete(context.get(), user(given), name);
        return Response.status(version.isAtLeast(ComputeApiVersions.KEYPAIR_TYPE) ? 204 : 202).build();
    }

    /** The first {@code user_id} from 2.10; before, Nova ignores the parameter. */
    private String user(RequestFields query) {
        return version.isAtLeast(ComputeApiVersions.KEYPAIR_USER) && query.has("user_id")
                ? query.strings("user_id").getFirst() : null;
    }
}
