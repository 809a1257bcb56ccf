package io.windlass.securitygroup.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestValidator;
import io.windlass.compute.api.ComputeApiVersions;
import io.windlass.compute.api.RequestedComputeVersion;
import io.windlass.compute.policy.ComputePolicy;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * Nova's proxy {@code /v2.1/os-security-group-rules}, up to 2.35: an ingress rule in Nova's terms
 * ({@code ip_protocol}, {@code from_port}, {@code to_port}, {@code cidr} or {@code group_id}) made a
 * Neutron rule. Create answers 200, delete 202; from
 * 2.36 both are a 404.
 */
@Path("/compute/v2.1/os-security-group-rules")
@Produces(MediaType.APPLICATION_JSON)
public class ComputeSecurityGroupRulesResource {
    private final ComputeSecurityGroups proxy;
    private final RequestedComputeVersion version;
    private final RequestValidator validator;
    private final ComputePolicy policy;
    private final CurrentRequestContext context;

    public ComputeSecurityGroupRulesResource(ComputeSecurityGroups proxy, RequestedComputeVersion version,
                                             RequestValidator validator, ComputePolicy policy,
                                             CurrentRequestContext context) {
        this.proxy = proxy;
        this.version = version;
        this.validator = validator;
        this.policy = policy;
        this.context = context;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> create(JsonNode body) {
        version.requireBefore(ComputeApiVersions.SECURITY_GROUP_PROXY_REMOVED);
        JsonNode rule = validator.body(ApiFamily.NOVA, "compute/security-groups/rule-create", version.get(),
                body).get("security_group_rule");
        policy.authorize(ComputePolicy.SECURITY_GROUP_RULES_CREATE, context.get());
        return Map.of("security_group_rule", proxy.createRule(rule));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        version.requireBefore(ComputeApiVersions.SECURITY_GROUP_PROXY_REMOVED);
        policy.authorize(ComputePolicy.SECURITY_GROUP_RULES_DELETE, context.get());
        proxy.deleteRule(id);
        return Response.accepted().build();
    }
}
