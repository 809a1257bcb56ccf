package io.windlass.registry.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.HttpServerRequest;
import io.windlass.api.config.ApiConfig;
import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.context.PublicUrl;
import io.windlass.api.microversion.RequestedApiVersion;
import io.windlass.container.api.Link;
import io.windlass.context.RequestContext;
import io.windlass.registry.persistence.RegistryRecord;
import io.windlass.registry.policy.RegistryPolicy;
import io.windlass.registry.service.RegistryService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
 * Zun's {@code /v1/registries} (private image registries and their logins) under the API port's
 * {@code /container} prefix: create 201, show, list, update, delete 204. Every answer shows the password as
 * {@code ***}.
 */
@Path("/container/v1/registries")
@Produces(MediaType.APPLICATION_JSON)
public class RegistriesResource {
    private final RegistryService service;
    private final RegistryRequests requests;
    private final RegistryPolicy policy;
    private final CurrentRequestContext context;
    private final RequestedApiVersion version;
    private final PublicUrl publicUrl;
    private final ApiConfig config;

    public RegistriesResource(RegistryService service, RegistryRequests requests, RegistryPolicy policy,
                              CurrentRequestContext context, RequestedApiVersion version, PublicUrl publicUrl,
                              ApiConfig config) {
        this.service = service;
        this.requests = requests;
        this.policy = policy;
        this.context = context;
        this.version = version;
        this.publicUrl = publicUrl;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body, @Context HttpServerRequest request) {
        RequestContext caller = context.get();
        RegistryRecord made = service.create(caller, requests.create(body, version.get()));
        String root = publicUrl.root(request);
        return Response.status(201).entity(Map.of("registry", view(made, root, caller)))
                .location(URI.create(selfUrl(root, made))).build();
    }

    @GET
    public RegistryList list(@Context UriInfo uri, @Context HttpServerRequest request) {
        RequestContext caller = context.get();
        RegistryRequests.ListQuery query = requests.list(uri.getQueryParameters(), version.get(), config.maxLimit());
        List<RegistryRecord> rows = service.list(caller, query.allProjects(), query.filters(), query.sortKey(),
                query.sortDir().equals("asc"), query.marker(), query.limit());
        String root = publicUrl.root(request);
        String next = rows.size() == query.limit() ? root + "/container/v1/registries?limit=" + query.limit()
                + "&sort_key=" + query.sortKey() + "&sort_dir=" + query.sortDir() + "&marker=" + rows.getLast().uuid()
                : null;
        return new RegistryList(rows.stream().map(r -> view(r, root, caller)).toList(), next);
    }

    @GET
    @Path("/{ident}")
    public Map<String, RegistryView> show(@PathParam("ident") String ident, @Context HttpServerRequest request) {
        RequestContext caller = context.get();
        return Map.of("registry", view(service.show(caller, ident), publicUrl.root(request), caller));
    }

    @PATCH
    @Path("/{ident}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, RegistryView> update(@PathParam("ident") String ident, JsonNode body,
                                            @Context HttpServerRequest request) {
        RequestContext caller = context.get();
        RegistryRecord updated = service.update(caller, ident, requests.update(body, version.get()));
        return Map.of("registry", view(updated, publicUrl.root(request), caller));
    }

    @DELETE
    @Path("/{ident}")
    public Response delete(@PathParam("ident") String ident) {
        service.delete(context.get(), ident);
        return Response.noContent().build();
    }

    /** Zun's view: each field the caller's {@code registry:get_one:<field>} lets it see; the password as {@code ***}. */
    private RegistryView view(RegistryRecord r, String root, RequestContext caller) {
        return new RegistryView(r.uuid().toString(),
                List.of(new Link(selfUrl(root, r), "self"), new Link(root + "/container/registries/" + r.uuid(), "bookmark")),
                shown("name", r.name(), r, caller), shown("domain", r.domain(), r, caller),
                shown("username", r.username(), r, caller), RegistryView.HIDDEN_PASSWORD,
                shown("project_id", r.projectId(), r, caller), shown("user_id", r.userId(), r, caller));
    }

    private String shown(String field, String value, RegistryRecord r, RequestContext caller) {
        return policy.allows(RegistryPolicy.GET_ONE_FIELD + field, caller, r.projectId()) ? value : null;
    }

    private static String selfUrl(String root, RegistryRecord r) {
        return root + "/container/v1/registries/" + r.uuid();
    }
}
