package io.windlass.quota.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.microversion.ApiVersion;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import io.windlass.compute.api.RequestedComputeVersion;
import io.windlass.compute.policy.ComputePolicy;
import io.windlass.context.RequestContext;
import io.windlass.identity.persistence.IdentityRepository;
import io.windlass.quota.NovaQuotaSet;
import io.windlass.quota.QuotaEnforcer;
import io.windlass.quota.QuotaResource;
import io.windlass.servergroup.service.ServerGroupService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Nova's {@code /v2.1/os-quota-sets/{tenant_id}} ({@code nova/api/openstack/compute/quota_sets.py}):
 * a project's limits (its own where an admin set one, else the {@code default} quota class's, else
 * the configured default), with what it uses ({@code /detail}), the defaults, an admin's update
 * (refused below what is in use unless {@code force}) and delete (back to the defaults). The nova-network quotas show as unlimited until
 * 2.35 and are ignored when set; the personality ones go at 2.57. Per-user quotas are not kept:
 * {@code user_id} is accepted and answered with the project's.
 */
@Path("/compute/v2.1/os-quota-sets/{project}")
@Produces(MediaType.APPLICATION_JSON)
public class QuotaSetsResource {
    private static final Logger LOG = Logger.getLogger(QuotaSetsResource.class);
    private static final long UNLIMITED = -1;
    /**
     * What is counted in quota_usages; server groups are counted in their own table, and the rest shows in
     * use 0 (key pairs are counted per user and group members per group when one is made, so a project has
     * no single figure for them).
     */
    private static final Set<QuotaResource> COUNTED = Set.of(QuotaResource.INSTANCES, QuotaResource.CORES,
            QuotaResource.RAM);

    private final QuotaEnforcer quotas;
    private final IdentityRepository identity;
    private final ComputePolicy policy;
    private final CurrentRequestContext context;
    private final RequestedComputeVersion version;
    private final RequestValidator validator;
    private final ServerGroupService serverGroups;

    public QuotaSetsResource(QuotaEnforcer quotas, IdentityRepository identity, ComputePolicy policy,
                             CurrentRequestContext context, RequestedComputeVersion version, RequestValidator validator,
                             ServerGroupService serverGroups) {
        this.quotas = quotas;
        this.serverGroups = serverGroups;
        this.identity = identity;
        this.policy = policy;
        this.context = context;
        this.version = version;
        this.validator = validator;
    }

    @GET
    public Map<String, Object> show(@PathParam("project") String project) {
        allowed(ComputePolicy.QUOTA_SETS_SHOW, project);
        return quotaSet(project, version.get(), r -> quotas.limit(project, r), UNLIMITED);
    }

    @GET
    @Path("/detail")
    public Map<String, Object> detail(@PathParam("project") String project) {
        allowed(ComputePolicy.QUOTA_SETS_DETAIL, project);
        return quotaSet(project, version.get(), r -> Map.of("in_use", inUse(project, r),
                "limit", quotas.limit(project, r), "reserved", 0), Map.of("in_use", 0, "limit", UNLIMITED, "reserved", 0));
    }

    @GET
    @Path("/defaults")
    public Map<String, Object> defaults(@PathParam("project") String project) {
        allowed(ComputePolicy.QUOTA_SETS_DEFAULTS, project);
        return quotaSet(project, version.get(), quotas::defaultLimit, UNLIMITED);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(@PathParam("project") String project, JsonNode body) {
        allowed(ComputePolicy.QUOTA_SETS_UPDATE, project);
        RequestFields set = validator.body(ApiFamily.NOVA, "compute/quota-sets/update", version.get(), body)
                .object("quota_set");
        boolean force = set.bool("force", false);
        Map<QuotaResource, Long> limits = new LinkedHashMap<>();
        set.node().fieldNames().forEachRemaining(key -> NovaQuotaSet.ofKey(key).flatMap(NovaQuotaSet::resource)
                .ifPresent(r -> limits.put(r, Long.parseLong(set.node().get(key).asText()))));
        QuarkusTransaction.requiringNew().run(() -> limits.forEach((resource, limit) -> {
            long minimum = inUse(project, resource);
            // -1 is unlimited, above any use
            if (!force && limit != -1 && limit < minimum) {
                throw InvalidInputException.badRequest("Quota limit " + limit + " for " + key(resource) + " must be "
                        + "greater than or equal to already used and reserved " + minimum + ".");
            }
            quotas.setLimit(project, resource, limit);
        }));
        LOG.infof("quotas of project %s set: %s%s", project, limits, force ? " (forced)" : "");
        Map<String, Object> shown = quotaSet(project, version.get(), r -> quotas.limit(project, r), UNLIMITED);
        // Nova answers an update without the id
        @SuppressWarnings("unchecked")
        Map<String, Object> values = new LinkedHashMap<>((Map<String, Object>) shown.get("quota_set"));
        values.remove("id");
        return Map.of("quota_set", values);
    }

    @DELETE
    public Response delete(@PathParam("project") String project) {
        allowed(ComputePolicy.QUOTA_SETS_DELETE, project);
        List<QuotaResource> nova = List.of(NovaQuotaSet.values()).stream().map(NovaQuotaSet::resource)
                .flatMap(Optional::stream).toList();
        QuarkusTransaction.requiringNew().run(() -> quotas.clearLimits(project, nova));
        LOG.infof("quotas of project %s back to the defaults", project);
        return Response.accepted().build();
    }

    private void allowed(String rule, String project) {
        RequestContext caller = context.get();
        policy.authorize(rule, caller, project);
        if (identity.project(project).isEmpty()) {
            // Nova's identity.verify_project_id
            throw InvalidInputException.badRequest("Project ID " + project + " is not a valid project.");
        }
    }

    /**
     * @param value     what each quota shows
     * @param unlimited what the nova-network quotas show, in the same shape
     */
    private static Map<String, Object> quotaSet(String project, ApiVersion at, Function<QuotaResource, Object> value,
                                                Object unlimited) {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("id", project);
        for (NovaQuotaSet key : NovaQuotaSet.shownAt(at)) {
            set.put(key.key(), key.resource().map(value).orElse(unlimited));
        }
        return Map.of("quota_set", set);
    }

    private long inUse(String project, QuotaResource resource) {
        if (resource == QuotaResource.SERVER_GROUPS) {
            return serverGroups.countInProject(project);
        }
        return COUNTED.contains(resource) ? Math.round(quotas.inUse(project, resource)) : 0;
    }

    private static String key(QuotaResource resource) {
        return List.of(NovaQuotaSet.values()).stream().filter(q -> q.resource().orElse(null) == resource)
                .map(NovaQuotaSet::key).findFirst().orElse(resource.key());
    }
}
