package io.windlass.limits.api;

import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.microversion.ApiVersion;
import io.windlass.compute.api.ComputeApiVersions;
import io.windlass.compute.api.RequestedComputeVersion;
import io.windlass.compute.policy.ComputePolicy;
import io.windlass.context.RequestContext;
import io.windlass.quota.QuotaEnforcer;
import io.windlass.quota.QuotaResource;
import io.windlass.servergroup.service.ServerGroupService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nova's {@code GET /v2.1/limits} ({@code nova/api/openstack/compute/limits.py} and its view):
 * the project's absolute limits and what it uses, from the quota tables. Rate limits went
 * away with Nova's v2 API, so {@code rate} is always empty.
 */
@Path("/compute/v2.1/limits")
@Produces(MediaType.APPLICATION_JSON)
public class LimitsResource {
    /**
     * nova-network's quotas, which Nova with Neutron reports as unlimited (its API samples
     * show -1) until 2.36 drops them; Windlass has no floating ips or security groups to count.
     */
    private static final long UNLIMITED = -1;

    private final QuotaEnforcer quotas;
    private final ComputePolicy policy;
    private final CurrentRequestContext context;
    private final RequestedComputeVersion version;
    private final ServerGroupService serverGroups;

    public LimitsResource(QuotaEnforcer quotas, ComputePolicy policy, CurrentRequestContext context,
                          RequestedComputeVersion version, ServerGroupService serverGroups) {
        this.quotas = quotas;
        this.serverGroups = serverGroups;
        this.policy = policy;
        this.context = context;
        this.version = version;
    }

    /** @param tenantId another project's limits (admins; Nova's {@code limits:other_project}) */
    @GET
    public Map<String, Object> limits(@QueryParam("tenant_id") String tenantId) {
        RequestContext caller = context.get();
        policy.authorize(ComputePolicy.LIMITS, caller);
        String project = caller.projectId();
        if (tenantId != null) {
            policy.authorize(ComputePolicy.LIMITS_OTHER_PROJECT, caller, tenantId);
            project = tenantId;
        }
        ApiVersion v = version.get();
        boolean network = !v.isAtLeast(ComputeApiVersions.LIMITS_WITHOUT_NETWORK);
        boolean personality = !v.isAtLeast(ComputeApiVersions.LIMITS_WITHOUT_PERSONALITY);
        Map<String, Object> absolute = new LinkedHashMap<>();
        long metadata = quotas.limit(project, QuotaResource.METADATA_ITEMS);
        if (!v.isAtLeast(ComputeApiVersions.LIMITS_WITHOUT_IMAGE_META)) {
            absolute.put("maxImageMeta", metadata);
        }
        if (personality) {
            absolute.put("maxPersonality", quotas.limit(project, QuotaResource.INJECTED_FILES));
            absolute.put("maxPersonalitySize", quotas.limit(project, QuotaResource.INJECTED_FILE_CONTENT_BYTES));
        }
        if (network) {
            absolute.put("maxSecurityGroupRules", UNLIMITED);
            absolute.put("maxSecurityGroups", UNLIMITED);
        }
        absolute.put("maxServerMeta", metadata);
        absolute.put("maxTotalCores", quotas.limit(project, QuotaResource.CORES));
        if (network) {
            absolute.put("maxTotalFloatingIps", UNLIMITED);
        }
        absolute.put("maxTotalInstances", quotas.limit(project, QuotaResource.INSTANCES));
        absolute.put("maxTotalKeypairs", quotas.limit(project, QuotaResource.KEY_PAIRS));
        absolute.put("maxTotalRAMSize", quotas.limit(project, QuotaResource.RAM));
        absolute.put("maxServerGroups", quotas.limit(project, QuotaResource.SERVER_GROUPS));
        absolute.put("maxServerGroupMembers", quotas.limit(project, QuotaResource.SERVER_GROUP_MEMBERS));
        absolute.put("totalCoresUsed", used(project, QuotaResource.CORES));
        absolute.put("totalInstancesUsed", used(project, QuotaResource.INSTANCES));
        absolute.put("totalRAMUsed", used(project, QuotaResource.RAM));
        if (network) {
            absolute.put("totalSecurityGroupsUsed", 0);
            absolute.put("totalFloatingIpsUsed", 0);
        }
        absolute.put("totalServerGroupsUsed", serverGroups.countInProject(project));
        return Map.of("limits", Map.of("rate", List.of(), "absolute", absolute));
    }

    private long used(String project, QuotaResource resource) {
        return Math.round(quotas.inUse(project, resource));
    }
}
