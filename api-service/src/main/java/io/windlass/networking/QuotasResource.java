package io.windlass.networking;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /v2.0/quotas/{project_id}[/details]} (the quotas extension, read-only here): the
 * configured limits, which Nova reads before creating ports. A project's users read their own;
 * an admin reads any.
 */
@Path(NeutronErrorFormat.PREFIX + "/v2.0/quotas/{project_id}")
@Produces(MediaType.APPLICATION_JSON)
public class QuotasResource {
    private final NetworkingQuota quota;
    private final NetworkingPolicy policy;

    public QuotasResource(NetworkingQuota quota, NetworkingPolicy policy) {
        this.quota = quota;
        this.policy = policy;
    }

    @GET
    public Map<String, Object> show(@PathParam("project_id") String projectId) {
        allowed(projectId);
        Map<String, Object> limits = new LinkedHashMap<>();
        for (NetworkingQuota.Resource resource : NetworkingQuota.Resource.values()) {
            limits.put(resource.wireName, quota.limit(resource));
        }
        return Map.of("quota", limits);
    }

    @GET
    @Path("/details")
    public Map<String, Object> details(@PathParam("project_id") String projectId) {
        allowed(projectId);
        Map<String, Object> details = new LinkedHashMap<>();
        for (NetworkingQuota.Resource resource : NetworkingQuota.Resource.values()) {
            details.put(resource.wireName, Map.of("limit", quota.limit(resource), "used",
                    quota.used(projectId, resource), "reserved", 0));
        }
        return Map.of("quota", details);
    }

    private void allowed(String projectId) {
        if (!policy.isAdmin() && !projectId.equals(policy.caller().projectId())) {
            throw NeutronException.policy("get_quota");
        }
    }
}
