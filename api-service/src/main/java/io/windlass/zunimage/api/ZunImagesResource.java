package io.windlass.zunimage.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.HttpServerRequest;
import io.windlass.api.config.ApiConfig;
import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.context.PublicUrl;
import io.windlass.api.microversion.RequestedApiVersion;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import io.windlass.context.RequestContext;
import io.windlass.zunimage.persistence.ZunImageEntity;
import io.windlass.zunimage.service.ZunImageSearch;
import io.windlass.zunimage.service.ZunImageService;
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

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Zun's {@code /v1/images} under the API port's {@code /container} prefix: pull (202), list, show,
 * delete (204) and search, as python-zunclient's {@code openstack appcontainer image} commands use them.
 */
@Path("/container/v1/images")
@Produces(MediaType.APPLICATION_JSON)
public class ZunImagesResource {
    private final ZunImageService service;
    private final ZunImageSearch search;
    private final RequestValidator validator;
    private final CurrentRequestContext context;
    private final RequestedApiVersion version;
    private final PublicUrl publicUrl;
    private final ApiConfig config;

    public ZunImagesResource(ZunImageService service, ZunImageSearch search, RequestValidator validator,
                             CurrentRequestContext context, RequestedApiVersion version, PublicUrl publicUrl,
                             ApiConfig config) {
        this.service = service;
        this.search = search;
        this.validator = validator;
        this.context = context;
        this.version = version;
        this.publicUrl = publicUrl;
        this.config = config;
    }

    /** Zun's collection: one page and the link to the next, null when the page was not full. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ZunImageList(@JsonProperty("images") List<ZunImageView> images, @JsonProperty("next") String next) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response pull(JsonNode body, @Context HttpServerRequest request) {
        RequestFields fields = validator.body(ApiFamily.ZUN, "container/images/pull", version.get(), body);
        ZunImageEntity pulled = service.pull(context.get(), fields.text("repo"), fields.text("host"));
        String root = publicUrl.root(request);
        return Response.accepted(ZunImageView.of(pulled, root)).location(URI.create(ZunImageView.selfUrl(root, pulled)))
                .build();
    }

    @GET
    public ZunImageList list(@Context UriInfo uri, @Context HttpServerRequest request) {
        RequestFields query = validator.query(ApiFamily.ZUN, "container/images/list-query", version.get(),
                uri.getQueryParameters());
        int limit = query.limit(config.maxLimit());
        String sortKey = query.has("sort_key") ? query.text("sort_key") : "id";
        String sortDir = query.has("sort_dir") ? query.text("sort_dir") : "asc";
        RequestContext caller = context.get();
        List<ZunImageEntity> page = service.list(caller, query.text("marker"), sortKey, sortDir.equals("asc"), limit);
        String root = publicUrl.root(request);
        String next = page.size() < limit ? null : root + "/container/v1/images?sort_key=" + sortKey + "&sort_dir="
                + sortDir + "&limit=" + limit + "&marker=" + page.getLast().uuid;
        return new ZunImageList(page.stream().map(i -> ZunImageView.of(i, root)).toList(), next);
    }

    @GET
    @Path("/{ident}")
    public ZunImageView show(@PathParam("ident") String ident, @Context HttpServerRequest request) {
        return ZunImageView.of(service.show(context.get(), ident), publicUrl.root(request));
    }

    @DELETE
    @Path("/{ident}")
    public Response delete(@PathParam("ident") String ident) {
        service.delete(context.get(), ident);
        return Response.noContent().build();
    }

    /** The image's name may hold slashes ({@code library/busybox}): the path up to {@code /search} is it. */
    @GET
    @Path("/{image: .+}/search")
    public List<Map<String, Object>> search(@PathParam("image") String image, @Context UriInfo uri) {
        RequestFields query = validator.query(ApiFamily.ZUN, "container/images/search-query", version.get(),
                uri.getQueryParameters());
        String driver = query.text("image_driver");
        return search.search(context.get(), image, driver == null || driver.equals("None") ? null : driver,
                query.bool("exact_match", false));
    }
}
