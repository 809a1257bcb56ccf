package io.windlass.securitygroup.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import io.windlass.compute.api.ComputePagination;
import io.windlass.compute.api.ComputeApiVersions;
import io.windlass.compute.api.RequestedComputeVersion;
import io.windlass.compute.policy.ComputePolicy;
import io.windlass.context.RequestContext;
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

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Nova's proxy {@code /v2.1/os-security-groups} ({@code nova/api/openstack/compute/security_groups.py}),
 * up to 2.35: the Networking API's security groups in Nova's format. Create and update answer 200,
 * delete 202. From 2.36 every route is a 404: Nova routes them nowhere, so it comes before any check
 * of the body or policy.
 */
@Path("/compute/v2.1/os-security-groups")
@Produces(MediaType.APPLICATION_JSON)
public class ComputeSecurityGroupsResource {
    private static final String CREATE = "compute/security-groups/create";

    private final ComputeSecurityGroups proxy;
    private final RequestedComputeVersion version;
    private final RequestValidator validator;
    private final ComputePolicy policy;
    private final CurrentRequestContext context;
    private final ComputePagination pagination;

    public ComputeSecurityGroupsResource(ComputeSecurityGroups proxy, RequestedComputeVersion version,
                                         RequestValidator validator, ComputePolicy policy,
                                         CurrentRequestContext context, ComputePagination pagination) {
        this.proxy = proxy;
        this.version = version;
        this.validator = validator;
        this.policy = policy;
        this.context = context;
        this.pagination = pagination;
    }

    /** {@code limit} and {@code offset} slice as Nova's {@code common.limited}: the last of repeated ones, 0 is max_limit. */
    @GET
    public Map<String, Object> list(@Context UriInfo uri) {
        version.requireBefore(ComputeApiVersions.SECURITY_GROUP_PROXY_REMOVED);
        RequestFields given = validator.query(ApiFamily.NOVA, "compute/security-groups/list-query",
                version.get(), uri.getQueryParameters());
        RequestContext caller = authorized(ComputePolicy.SECURITY_GROUPS_GET);
        String limit = last(given, "limit", Integer.MAX_VALUE);
        String offset = last(given, "offset", Long.MAX_VALUE);
        return Map.of("security_groups", proxy.list(caller, given.node().has("all_tenants"),
                offset == null ? 0 : Long.parseLong(offset), pagination.limit(limit)));
    }

    @GET
    @Path("/{id}")
    public Map<String, Object> show(@PathParam("id") String id) {
        version.requireBefore(ComputeApiVersions.SECURITY_GROUP_PROXY_REMOVED);
        authorized(ComputePolicy.SECURITY_GROUPS_SHOW);
        return Map.of("security_group", proxy.show(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> create(JsonNode body) {
        version.requireBefore(ComputeApiVersions.SECURITY_GROUP_PROXY_REMOVED);
        RequestFields group = validator.body(ApiFamily.NOVA, CREATE, version.get(), body)
                .object("security_group");
        authorized(ComputePolicy.SECURITY_GROUPS_CREATE);
        return Map.of("security_group", proxy.create(group.text("name"), group.text("description")));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(@PathParam("id") String id, JsonNode body) {
        version.requireBefore(ComputeApiVersions.SECURITY_GROUP_PROXY_REMOVED);
        RequestFields group = validator.body(ApiFamily.NOVA, CREATE, version.get(), body)
                .object("security_group");
        authorized(ComputePolicy.SECURITY_GROUPS_UPDATE);
        return Map.of("security_group", proxy.update(id, group.text("name"), group.text("description")));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        version.requireBefore(ComputeApiVersions.SECURITY_GROUP_PROXY_REMOVED);
        authorized(ComputePolicy.SECURITY_GROUPS_DELETE);
        proxy.delete(id);
        return Response.accepted().build();
    }

    /**
     * A delete naming no group ({@code DELETE .../os-security-groups/}): Nova has no such route, and
     * Tempest expects its 404 rather than the 405 of a known path.
     */
    @DELETE
    public Response deleteWithoutId() {
        throw new ResourceNotFoundException("NotFound", "The resource could not be found.");
    }

    private RequestContext authorized(String rule) {
        RequestContext caller = context.get();
        policy.authorize(rule, caller);
        return caller;
    }

    /** The last value of a repeated numeric parameter, at most {@code max} (its digits), or null when absent. */
    private static String last(RequestFields query, String name, long max) {
        List<String> values = query.strings(name);
        return values.isEmpty() ? null : new BigInteger(values.getLast()).min(BigInteger.valueOf(max)).toString();
    }
}
