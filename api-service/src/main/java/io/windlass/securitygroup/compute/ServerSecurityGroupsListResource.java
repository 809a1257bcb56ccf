package io.windlass.securitygroup.compute;

import io.windlass.api.context.CurrentRequestContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/**
 * Nova's {@code GET /v2.1/servers/{server_id}/os-security-groups}: the server's groups in Nova's
 * format. Unlike the proxies it stays in every microversion (Nova's controller has no version bound).
 */
@Path("/compute/v2.1/servers/{server_id}/os-security-groups")
@Produces(MediaType.APPLICATION_JSON)
public class ServerSecurityGroupsListResource {
    private final ComputeSecurityGroups proxy;
    private final CurrentRequestContext context;

    public ServerSecurityGroupsListResource(ComputeSecurityGroups proxy, CurrentRequestContext context) {
        this.proxy = proxy;
        this.context = context;
    }

    @GET
    public Map<String, Object> list(@PathParam("server_id") String serverId) {
        return Map.of("security_groups", proxy.ofServer(context.get(), serverId));
    }
}
