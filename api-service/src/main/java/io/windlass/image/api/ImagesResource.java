package io.windlass.image.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.error.ApiException;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import io.windlass.context.RequestContext;
import io.windlass.image.catalog.CatalogImage;
import io.windlass.image.catalog.ImageCatalog;
import io.windlass.image.catalog.MemberStatus;
import io.windlass.image.persistence.ImageEntity;
import io.windlass.image.service.ImageActions;
import io.windlass.image.service.ImageUpdates;
import io.windlass.image.service.ImageUploads;
import io.windlass.image.service.MadeImages;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Glance v2 over the {@link ImageCatalog}, enough for clients to resolve image names to ids
 * ({@code openstack server create --image busybox:latest}), to list images and to delete the ones
 * Windlass made from workloads (snapshots, backups, commits).
 * Images can also be created and uploaded ({@link ImageUploads}): their bytes are kept, served back
 * and deleted with them. Ordered by name (Glance's default is newest first; a derived catalogue has no real
 * creation order). {@code name} matches the image's name, or the reference it normalises
 * to, so {@code ?name=busybox} finds {@code busybox:latest} (clients that insist on an exact
 * name match, like openstacksdk's find, still need the full name).
 */
@Path("/image/v2")
@Produces(MediaType.APPLICATION_JSON)
public class ImagesResource {
    /** Glance's {@code limit_param_default} and {@code api_limit_max}. */
    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 1000;

    private final ImageCatalog catalog;
    private final RequestValidator validator;
    private final MadeImages made;
    private final CurrentRequestContext context;
    private final ImageRequests requests;
    private final ImageUploads uploads;
    private final ImageUpdates updates;
    private final ImageActions actions;

    public ImagesResource(ImageCatalog catalog, RequestValidator validator, MadeImages made,
                          CurrentRequestContext context, ImageRequests requests, ImageUploads uploads,
                          ImageUpdates updates, ImageActions actions) {
        this.updates = updates;
        this.actions = actions;
        this.catalog = catalog;
        this.validator = validator;
        this.made = made;
        this.context = context;
        this.requests = requests;
        this.uploads = uploads;
    }

    /** Glance's image create: 201, the {@code queued} image and its {@code Location}. */
    @POST
    @Path("/images")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body) {
        ImageEntity image = uploads.create(context.get(), requests.create(body));
        return Response.created(URI.create("/v2/images/" + image.id)).entity(show(image.id.toString())).build();
    }

    /** Glance's update: a json-patch of the image's settable attributes; 200 and the image. */
    @PATCH
    @Path("/images/{id}")
    @Consumes(MediaType.WILDCARD)
    public Map<String, Object> update(@PathParam("id") String id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
                                      String body) {
        RequestContext caller = context.get();
        updates.update(caller, id, requests.patch(updates.current(caller, id), type, body));
        return show(id);
    }

    /** Glance's upload: 204 once the bytes are stored and the image is {@code active}. */
    @PUT
    @Path("/images/{id}/file")
    @Consumes(MediaType.WILDCARD)
    public Response upload(@PathParam("id") String id, InputStream data) {
        uploads.upload(context.get(), id, data);
        return Response.noContent().build();
    }

    /**
     * Glance's download: the bytes with their md5 in {@code Content-MD5}, or 204 for an image that has none.
     * Always {@code application/octet-stream}, whatever the client accepts (Tempest asks for JSON).
     */
    @GET
    @Path("/images/{id}/file")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("id") String id) {
        return uploads.download(context.get(), id).map(file -> Response.ok((StreamingOutput) out -> {
                    try {
                        uploads.write(file, out);
                    } catch (UncheckedIOException e) {
                        throw e.getCause();
                    }
                }, MediaType.APPLICATION_OCTET_STREAM_TYPE).header("Content-MD5", file.checksum())
                .header(HttpHeaders.CONTENT_LENGTH, file.size()).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @GET
    @Path("/images")
    public Map<String, Object> list(@Context UriInfo uri) {
        refuseEmptyId(uri);
        var query = uri.getQueryParameters();
        RequestFields given = validator.query(ApiFamily.GLANCE, "image/images/list-query", ImageRequests.UNVERSIONED,
                query);
        int limit = given.has("limit") ? Math.min(Integer.parseInt(given.text("limit").strip()), MAX_LIMIT)
                : DEFAULT_LIMIT;
        String marker = query.getFirst("marker");
        GlanceImageFilter filter = GlanceImageFilter.of(query);
        // Glance's member_status: which of other projects' shared images the caller's project is listed
        Set<MemberStatus> memberships = MemberStatus.listed(query.getFirst("member_status"));
        Stream<CatalogImage> images = catalog.list(context.get(), memberships).stream().filter(filter.matches());
        if (filter.order() != null) {
            images = images.sorted(filter.order());
        }
        List<CatalogImage> all = images.toList();
        int from = 0;
        if (marker != null) {
            int at = indexOf(all, marker);
            if (at < 0) {
                throw new InvalidInputException("ImageNotFound", "No image found with ID " + marker);
            }
            from = at + 1;
        }
        List<CatalogImage> page = all.subList(from, Math.min(all.size(), from + limit));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("images", page.stream().map(ImageView::of).toList());
        body.put("first", "/v2/images");
        body.put("schema", "/v2/schemas/images");
        if (!page.isEmpty() && from + limit < all.size()) {
            body.put("next", next(query, page.getLast().id()));
        }
        return body;
    }

    @GET
    @Path("/images/{id}")
    public Map<String, Object> show(@PathParam("id") String id) {
        return catalog.find(context.get(), id).map(ImageView::of)
                .orElseThrow(() -> new ResourceNotFoundException("ImageNotFound", "No image found with ID " + id));
    }

    /**
     * Deletes an image Windlass made (a snapshot, a backup, a commit). The images the hosts brought
     * are theirs: the engine keeps them, and so does the catalogue.
     */
    @DELETE
    @Path("/images/{id}")
    public Response delete(@PathParam("id") String id) {
        refuseHostImage(id, "deleted");
        made.delete(context.get(), id);
        return Response.noContent().build();
    }

    /**
     * {@code DELETE /v2/images}: Glance's router takes GET and POST there (405); with a trailing
     * slash it is an image with an empty id, which no route has (404).
     */
    @DELETE
    @Path("/images")
    public Response deleteWithoutId(@Context UriInfo uri) {
        refuseEmptyId(uri);
        return Response.status(405).header(HttpHeaders.ALLOW, "GET, POST").build();
    }

    /** Glance's deactivate: 204; the image keeps its data, but only admins download it and nothing boots it. */
    @POST
    @Path("/images/{id}/actions/deactivate")
    public Response deactivate(@PathParam("id") String id) {
        refuseHostImage(id, "deactivated");
        actions.deactivate(context.get(), id);
        return Response.noContent().build();
    }

    /** Glance's reactivate: 204, the image active again. */
    @POST
    @Path("/images/{id}/actions/reactivate")
    public Response reactivate(@PathParam("id") String id) {
        refuseHostImage(id, "reactivated");
        actions.reactivate(context.get(), id);
        return Response.noContent().build();
    }

    /** Glance's tag add: 204, also when the image has the tag already. */
    @PUT
    @Path("/images/{id}/tags/{tag}")
    @Consumes(MediaType.WILDCARD)
    public Response addTag(@PathParam("id") String id, @PathParam("tag") String tag) {
        refuseHostImage(id, "tagged");
        actions.addTag(context.get(), id, requests.tag(tag));
        return Response.noContent().build();
    }

    /** Glance's tag delete: 204, or 404 when the image lacks the tag. */
    @DELETE
    @Path("/images/{id}/tags/{tag}")
    public Response removeTag(@PathParam("id") String id, @PathParam("tag") String tag) {
        refuseHostImage(id, "untagged");
        actions.removeTag(context.get(), id, tag);
        return Response.noContent().build();
    }

    /** {@code /v2/images/}: an empty image id, which Glance's router does not route (webob's bare 404). */
    private static void refuseEmptyId(UriInfo uri) {
        if (uri.getPath().endsWith("/")) {
            throw new ResourceNotFoundException("NotFound", "The resource could not be found.");
        }
    }

    /** The images the hosts brought are the engine's: Windlass keeps no state of its own for them. */
    private void refuseHostImage(String id, String what) {
        boolean hostImage = catalog.find(context.get(), id).map(i -> i.made() == null).orElse(false);
        if (hostImage) {
            throw new ApiException(403, "Forbidden", "Image " + id + " is one the compute hosts hold; only images "
                    + "made from servers and containers or uploaded are " + what + " through this API.");
        }
    }

    private static int indexOf(List<CatalogImage> images, String id) {
        for (int i = 0; i < images.size(); i++) {
            if (images.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Glance's {@code next}: the request's query with the last id as marker, relative to the API root. */
    private static String next(Map<String, List<String>> query, String lastId) {
        Map<String, List<String>> params = new LinkedHashMap<>(query);
        params.put("marker", List.of(lastId));
        StringBuilder href = new StringBuilder("/v2/images");
        char sep = '?';
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            for (String v : e.getValue()) {
                href.append(sep).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        return href.toString();
    }
}
