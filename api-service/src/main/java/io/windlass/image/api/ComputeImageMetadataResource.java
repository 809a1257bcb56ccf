package io.windlass.image.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestValidator;
import io.windlass.compute.api.ComputeApiVersions;
import io.windlass.compute.api.RequestedComputeVersion;
import io.windlass.context.RequestContext;
import io.windlass.image.service.ImageMetadata;
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
 * Nova's {@code /v2.1/images/{id}/metadata[/{key}]} ({@code image_metadata.py}), a proxy to the
 * image's properties up to 2.35 as the image proxy is: {@code metadata} for the whole, {@code meta}
 * for one pair; POST merges, PUT replaces; the same request schemas as a server's metadata.
 */
@Path("/compute/v2.1/images/{id}/metadata")
@Produces(MediaType.APPLICATION_JSON)
public class ComputeImageMetadataResource {
    private static final TypeReference<Map<String, String>> PAIRS = new TypeReference<>() {
    };

    private final ImageMetadata metadata;
    private final RequestValidator validator;
    private final CurrentRequestContext context;
    private final RequestedComputeVersion version;

    public ComputeImageMetadataResource(ImageMetadata metadata, RequestValidator validator,
                                        CurrentRequestContext context, RequestedComputeVersion version) {
        this.metadata = metadata;
        this.validator = validator;
        this.context = context;
        this.version = version;
    }

    @GET
    public Map<String, Object> index(@PathParam("id") String id) {
        return Map.of("metadata", metadata.index(caller(), id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> create(@PathParam("id") String id, JsonNode body) {
        RequestContext caller = caller();
        return Map.of("metadata", metadata.merge(caller, id, pairs(body)));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> updateAll(@PathParam("id") String id, JsonNode body) {
        RequestContext caller = caller();
        return Map.of("metadata", metadata.replace(caller, id, pairs(body)));
    }

    @GET
    @Path("/{key}")
    public Map<String, Object> show(@PathParam("id") String id, @PathParam("key") String key) {
        return Map.of("meta", metadata.show(caller(), id, key));
    }

    @PUT
    @Path("/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(@PathParam("id") String id, @PathParam("key") String key, JsonNode body) {
        RequestContext caller = caller();
        Map<String, String> meta = validator.body(ApiFamily.NOVA, "compute/servers/metadata-item", version.get(), body)
                .read("meta", PAIRS);
        if (!meta.containsKey(key)) {
            throw InvalidInputException.badRequest("Request body and URI mismatch");
        }
        metadata.set(caller, id, key, meta.get(key));
        return Map.of("meta", meta);
    }

    @DELETE
    @Path("/{key}")
    public Response delete(@PathParam("id") String id, @PathParam("key") String key) {
        metadata.delete(caller(), id, key);
        return Response.noContent().build();
    }

    private Map<String, String> pairs(JsonNode body) {
        return validator.body(ApiFamily.NOVA, "compute/servers/metadata", version.get(), body).read("metadata", PAIRS);
    }

    /** Gone with the image proxy from 2.36. */
    private RequestContext caller() {
        if (version.get().isAtLeast(ComputeApiVersions.IMAGE_PROXY_REMOVED)) {
            throw new ResourceNotFoundException("NotFound", "The resource could not be found.");
        }
        return context.get();
    }
}
