package io.windlass.server.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import io.windlass.compute.api.RequestedComputeVersion;
import io.windlass.server.service.ServerMetadata;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * Nova's {@code /v2.1/servers/{id}/metadata[/{key}]} ({@code nova/api/openstack/compute/server_metadata.py}):
 * {@code metadata} for the whole, {@code meta} for one pair; POST merges, PUT replaces.
 */
@Path("/compute/v2.1/servers/{id}/metadata")
@Produces(MediaType.APPLICATION_JSON)
public class ServerMetadataResource {
    private static final TypeReference<Map<String, String>> PAIRS = new TypeReference<>() {
    };

    private final ServerMetadata metadata;
    private final RequestValidator validator;
    private final CurrentRequestContext context;
    private final RequestedComputeVersion version;

    public ServerMetadataResource(ServerMetadata metadata, RequestValidator validator, CurrentRequestContext context,
                                  RequestedComputeVersion version) {
        this.metadata = metadata;
        this.validator = validator;
        this.context = context;
        this.version = version;
    }

    @GET
    public Map<String, Object> index(@PathParam("id") String id) {
        return Map.of("metadata", metadata.index(context.get(), id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> create(@PathParam("id") String id, JsonNode body) {
        return Map.of("metadata", metadata.merge(context.get(), id, pairs(body)));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> updateAll(@PathParam("id") String id, JsonNode body) {
        return Map.of("metadata", metadata.replace(context.get(), id, pairs(body)));
    }

    @GET
    @Path("/{key}")
    public Map<String, Object> show(@PathParam("id") String id, @PathParam("key") String key) {
        return Map.of("meta", metadata.show(context.get(), id, key));
    }

    @PUT
    @Path("/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(@PathParam("id") String id, @PathParam("key") String key, JsonNode body) {
        Map<String, String> meta = validator.body(ApiFamily.NOVA, "compute/servers/metadata-item", version.get(), body)
                .read("meta", PAIRS);
        if (!meta.containsKey(key)) {
            throw InvalidInputException.badRequest("Request body and URI mismatch");
        }
        metadata.set(context.get(), id, key, meta.get(key));
        return Map.of("meta", meta);
    }

    @DELETE
    @Path("/{key}")
    public Response delete(@PathParam("id") String id, @PathParam("key") String key) {
        metadata.delete(context.get(), id, key);
        return Response.noContent().build();
    }

    private Map<String, String> pairs(JsonNode body) {
        RequestFields root = validator.body(ApiFamily.NOVA, "compute/servers/metadata", version.get(), body);
        return root.read("metadata", PAIRS);
    }
}
