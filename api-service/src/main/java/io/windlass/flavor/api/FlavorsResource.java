package io.windlass.flavor.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.context.CurrentRequestContext;
import io.windlass.compute.api.ComputeApiVersions;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import io.windlass.compute.api.ComputeLinks;
import io.windlass.compute.api.ComputePagination;
import io.windlass.compute.api.RequestedComputeVersion;
import io.windlass.compute.policy.ComputePolicy;
import io.windlass.context.RequestContext;
import io.windlass.flavor.persistence.FlavorRecord;
import io.windlass.flavor.service.FlavorService;
import io.windlass.flavor.service.NewFlavor;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Nova's {@code /v2.1/flavors} (flavors, flavor_manage and flavor_access's action) under the
 * API port's {@code /compute} prefix; the {@code /{project_id}} form is routed here by
 * {@code ProjectSegmentFilter}. Listing and showing need no rule, as in Nova; what a caller
 * sees is decided by {@code FlavorLookup}.
 */
@Path("/compute/v2.1/flavors")
@Produces(MediaType.APPLICATION_JSON)
public class FlavorsResource {
    private final FlavorService service;
    private final FlavorRequests requests;
    private final RequestValidator validator;
    private final ComputePagination pagination;
    private final ComputePolicy policy;
    private final CurrentRequestContext context;
    private final RequestedComputeVersion version;
    private final ComputeLinks links;

    public FlavorsResource(FlavorService service, FlavorRequests requests, RequestValidator validator,
                           ComputePagination pagination, ComputePolicy policy, CurrentRequestContext context,
                           RequestedComputeVersion version, ComputeLinks links) {
        this.service = service;
        this.requests = requests;
        this.validator = validator;
        this.pagination = pagination;
        this.policy = policy;
        this.context = context;
        this.version = version;
        this.links = links;
    }

    @GET
    public Map<String, Object> list(@Context UriInfo uri) {
        return page(uri, "flavors", f -> FlavorView.basic(f, version.get(), links));
    }

    @GET
    @Path("/detail")
    public Map<String, Object> detail(@Context UriInfo uri) {
        boolean specs = embedsExtraSpecs();
        return page(uri, "flavors/detail", f -> FlavorView.full(f, version.get(), links, specs));
    }

    @GET
    @Path("/{id}")
    public Map<String, Object> show(@PathParam("id") String id) {
        return one(service.show(caller(), id));
    }

    /** Nova answers 200 (not 201) with the full view. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> create(JsonNode body) {
        return one(service.create(caller(), validator.body(ApiFamily.NOVA, "compute/flavors/create", version.get(), body)
                .object("flavor").as(NewFlavor.class)));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(@PathParam("id") String id, JsonNode body) {
        version.require(ComputeApiVersions.FLAVOR_DESCRIPTION);
        policy.authorize(ComputePolicy.FLAVOR_UPDATE, caller());
        return one(service.updateDescription(caller(), id, validator.body(ApiFamily.NOVA, "compute/flavors/update",
                version.get(), body).object("flavor").text("description")));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        service.delete(caller(), id);
        return Response.accepted().build();
    }

    /** os-flavor-access's add/removeTenantAccess; answers the access list after the change. */
    @POST
    @Path("/{id}/action")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> action(@PathParam("id") String id, JsonNode body) {
        FlavorRequests.AccessChange change = requests.accessAction(body, version.get());
        List<String> projects = change.add() ? service.addAccess(caller(), id, change.tenantId())
                : service.removeAccess(caller(), id, change.tenantId());
        return FlavorAccessResource.view(id, projects);
    }

    private Map<String, Object> page(UriInfo uri, String collection,
                                     Function<FlavorRecord, Map<String, Object>> view) {
        var query = uri.getQueryParameters();
        RequestFields given = validator.query(ApiFamily.NOVA, "compute/flavors/list-query", version.get(), query);
        int limit = pagination.limit(given.text("limit"));
        List<FlavorRecord> flavors = service.list(caller(), requests.isPublic(given),
                requests.minimum(given, "minRam"), requests.minimum(given, "minDisk"), given.text("sort_key"),
                given.text("sort_dir").equals("asc"), query.getFirst("marker"), limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("flavors", flavors.stream().map(view).toList());
        List<Map<String, String>> next = pagination.links(links.versioned() + "/" + collection, query,
                flavors.size(), limit, flavors.isEmpty() ? null : flavors.getLast().flavorId());
        if (!next.isEmpty()) {
            body.put("flavors_links", next);
        }
        return body;
    }

    private Map<String, Object> one(FlavorRecord flavor) {
        return Map.of("flavor", FlavorView.full(flavor, version.get(), links, embedsExtraSpecs()));
    }

    private boolean embedsExtraSpecs() {
        return version.isAtLeast(ComputeApiVersions.FLAVOR_EXTRA_SPECS)
                && policy.allows(ComputePolicy.FLAVOR_EXTRA_SPECS_INDEX, caller());
    }

    private RequestContext caller() {
        return context.get();
    }
}
