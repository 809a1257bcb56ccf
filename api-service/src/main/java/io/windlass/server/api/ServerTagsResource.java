package io.windlass.server.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestValidator;
import io.windlass.compute.api.ComputeApiVersions;
import io.windlass.compute.api.ComputeLinks;
import io.windlass.compute.api.RequestedComputeVersion;
import io.windlass.server.service.ServerTags;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Nova's {@code /v2.1/servers/{id}/tags[/{tag}]} ({@code nova/api/openstack/compute/server_tags.py}),
 * from 2.26: the list, a tag checked (204 or 404), the list replaced, a tag added (201 with its
 * Location, or 204 when there already), one or all removed (204).
 */
@Path("/compute/v2.1/servers/{id}/tags")
@Produces(MediaType.APPLICATION_JSON)
public class ServerTagsResource {
    private static final TypeReference<List<String>> TAGS = new TypeReference<>() {
    };
    /** Nova's {@code parameter_types.tag}. */
    private static final Pattern TAG = Pattern.compile("^[^,/]{1,60}$");

    private final ServerTags tags;
    private final RequestValidator validator;
    private final CurrentRequestContext context;
    private final RequestedComputeVersion version;
    private final ComputeLinks links;

    public ServerTagsResource(ServerTags tags, RequestValidator validator, CurrentRequestContext context,
                              RequestedComputeVersion version, ComputeLinks links) {
        this.tags = tags;
        this.validator = validator;
        this.context = context;
        this.version = version;
        this.links = links;
    }

    @GET
    public Map<String, Object> index(@PathParam("id") String id) {
        version.require(ComputeApiVersions.SERVER_TAGS);
        return Map.of("tags", tags.index(context.get(), id));
    }

    @GET
    @Path("/{tag}")
    public Response show(@PathParam("id") String id, @PathParam("tag") String tag) {
        version.require(ComputeApiVersions.SERVER_TAGS);
        tags.show(context.get(), id, tag);
        return Response.noContent().build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> updateAll(@PathParam("id") String id, JsonNode body) {
        version.require(ComputeApiVersions.SERVER_TAGS);
        List<String> given = validator.body(ApiFamily.NOVA, "compute/servers/tags", version.get(), body).read("tags", TAGS);
        return Map.of("tags", tags.replace(context.get(), id, given));
    }

    @PUT
    @Path("/{tag}")
    public Response update(@PathParam("id") String id, @PathParam("tag") String tag) {
        version.require(ComputeApiVersions.SERVER_TAGS);
        if (!TAG.matcher(tag).matches()) {
            throw InvalidInputException.badRequest("Tag '" + tag + "' is invalid. It must be a non empty string "
                    + "without characters '/' and ','.");
        }
        return switch (tags.add(context.get(), id, tag)) {
            case CREATED -> Response.created(URI.create(links.self("servers", id) + "/tags/" + tag)).build();
            case ALREADY_THERE -> Response.noContent().build();
        };
    }

    @DELETE
    public Response deleteAll(@PathParam("id") String id) {
        version.require(ComputeApiVersions.SERVER_TAGS);
        tags.deleteAll(context.get(), id);
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{tag}")
    public Response delete(@PathParam("id") String id, @PathParam("tag") String tag) {
        version.require(ComputeApiVersions.SERVER_TAGS);
        tags.delete(context.get(), id, tag);
        return Response.noContent().build();
    }
}
