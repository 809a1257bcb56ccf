package io.windlass.capsule.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import io.windlass.api.config.ApiConfig;
import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.context.PublicUrl;
import io.windlass.api.microversion.ContainerApiVersions;
import io.windlass.api.microversion.RequestedApiVersion;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import io.windlass.capsule.persistence.CapsuleEntity;
import io.windlass.capsule.service.CapsuleService;
import io.windlass.context.RequestContext;
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

/**
 * Zun's {@code /v1/capsules} under the API port's {@code /container} prefix. zunclient uses the
 * collection URL with a trailing slash, which RESTEasy Reactive matches to the same methods.
 */
@Path("/container/v1/capsules")
@Produces(MediaType.APPLICATION_JSON)
public class CapsulesResource {
    private final CapsuleService service;
    private final CapsuleRequests requests;
    private final RequestValidator validator;
    private final CapsuleViews views;
    private final CurrentRequestContext context;
    private final RequestedApiVersion version;
    private final PublicUrl publicUrl;
    private final ApiConfig config;
    private final ObjectMapper json;

    public CapsulesResource(CapsuleService service, CapsuleRequests requests, RequestValidator validator,
                            CapsuleViews views, CurrentRequestContext context, RequestedApiVersion version,
                            PublicUrl publicUrl, ApiConfig config, ObjectMapper json) {
        this.service = service;
        this.requests = requests;
        this.validator = validator;
        this.views = views;
        this.context = context;
        this.version = version;
        this.publicUrl = publicUrl;
        this.config = config;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body, @Context HttpServerRequest request) {
        RequestContext caller = context.get();
        CapsuleEntity created = service.create(caller, requests.create(body, version.get()));
        String root = publicUrl.root(request);
        return Response.accepted(shown(views.of(created, root, caller)))
                .location(URI.create(CapsuleViews.selfUrl(root, created))).build();
    }

    @GET
    public CapsuleList list(@Context UriInfo uri, @Context HttpServerRequest request) {
        RequestContext caller = context.get();
        RequestFields query = query(uri);
        int pageSize = query.limit(config.maxLimit());
        boolean ascending = !"desc".equals(query.text("sort_dir"));
        List<CapsuleEntity> rows = service.list(caller, query.bool("all_projects", false), query.text("marker"),
                ascending, pageSize);
        String root = publicUrl.root(request);
        String next = rows.size() == pageSize ? root + "/container/v1/capsules?limit=" + pageSize + "&sort_dir="
                + (ascending ? "asc" : "desc") + "&marker=" + rows.getLast().uuid : null;
        return new CapsuleList(rows.stream().map(c -> shown(views.of(c, root, caller))).toList(), next);
    }

    @GET
    @Path("/{ident}")
    public Object show(@PathParam("ident") String ident, @Context HttpServerRequest request) {
        RequestContext caller = context.get();
        return shown(views.of(service.show(caller, ident), publicUrl.root(request), caller));
    }

    /** The view in the shape of the request's microversion. */
    private Object shown(CapsuleView view) {
        return version.get().isAtLeast(ContainerApiVersions.CAPSULE_REPRESENTATION) ? view
                : LegacyCapsuleShape.of(view, json);
    }

    @DELETE
    @Path("/{ident}")
    public Response delete(@PathParam("ident") String ident, @Context UriInfo uri) {
        boolean allProjects = query(uri).bool("all_projects", false);
        service.delete(context.get(), ident, allProjects);
        return Response.noContent().build();
    }

    /** limit, marker, sort_dir and all_projects, valid under {@code schemas/container/capsules/list-query.json}. */
    private RequestFields query(UriInfo uri) {
        return validator.query(ApiFamily.ZUN, "container/capsules/list-query", version.get(), uri.getQueryParameters());
    }
}
