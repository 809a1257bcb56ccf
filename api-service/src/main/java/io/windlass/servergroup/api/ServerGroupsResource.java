package io.windlass.servergroup.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import io.windlass.compute.api.ComputeApiVersions;
import io.windlass.compute.api.ComputePagination;
import io.windlass.compute.api.RequestedComputeVersion;
import io.windlass.servergroup.persistence.ServerGroupRecord;
import io.windlass.servergroup.service.NewServerGroup;
import io.windlass.servergroup.service.ServerGroupService;
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

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Nova's {@code /v2.1/os-server-groups} ({@code nova/api/openstack/compute/server_groups.py}) under the
 * API port's {@code /compute} prefix: create (200), list ({@code all_projects}, {@code limit} and
 * {@code offset} as Nova's {@code common.limited} slices), show and delete (204).
 */
@Path("/compute/v2.1/os-server-groups")
@Produces(MediaType.APPLICATION_JSON)
public class ServerGroupsResource {
    private final ServerGroupService service;
    private final RequestValidator validator;
    private final ComputePagination pagination;
    private final CurrentRequestContext context;
    private final RequestedComputeVersion version;

    public ServerGroupsResource(ServerGroupService service, RequestValidator validator, ComputePagination pagination,
                                CurrentRequestContext context, RequestedComputeVersion version) {
        this.service = service;
        this.validator = validator;
        this.pagination = pagination;
        this.context = context;
        this.version = version;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> create(JsonNode body) {
        RequestFields group = validator.body(ApiFamily.NOVA, "compute/server-groups/create", version.get(), body)
                .object("server_group");
        boolean single = version.isAtLeast(ComputeApiVersions.SERVER_GROUP_POLICY);
        RequestFields rules = group.object("rules");
        NewServerGroup request = new NewServerGroup(group.text("name"),
                single ? group.text("policy") : group.strings("policies").getFirst(),
                rules.has("max_server_per_host") ? Integer.valueOf(rules.text("max_server_per_host")) : null);
        return Map.of("server_group", ServerGroupView.of(service.create(context.get(), request), version.get()));
    }

    @GET
    public Map<String, Object> list(@Context UriInfo uri) {
        RequestFields given = validator.query(ApiFamily.NOVA, "compute/server-groups/list-query", version.get(),
                uri.getQueryParameters());
        // Nova (webob) reads the last of repeated parameters; limit 0 is max_limit
        int limit = pagination.limit(last(given, "limit", Integer.MAX_VALUE));
        String offset = last(given, "offset", Long.MAX_VALUE);
        List<ServerGroupRecord> groups = service.list(context.get(), given.node().has("all_projects"),
                offset == null ? 0 : Long.parseLong(offset), limit);
        return Map.of("server_groups", groups.stream().map(g -> ServerGroupView.of(g, version.get())).toList());
    }

    @GET
    @Path("/{id}")
    public Map<String, Object> show(@PathParam("id") String id) {
        return Map.of("server_group", ServerGroupView.of(service.show(context.get(), id), version.get()));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        service.delete(context.get(), id);
        return Response.noContent().build();
    }

    /** The last value of a repeated numeric parameter, at most {@code max} (its digits), or null when absent. */
    private static String last(RequestFields query, String name, long max) {
        List<String> values = query.strings(name);
        return values.isEmpty() ? null
                : new BigInteger(values.getLast()).min(BigInteger.valueOf(max)).toString();
    }
}
