package io.windlass.server.api;

import io.windlass.api.context.CurrentRequestContext;
import io.windlass.server.policy.ServerPolicy;
import io.windlass.server.service.ServerLookup;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * Nova's {@code /v2.1/servers/{id}/os-server-password} ({@code server_password.py}): the encrypted
 * password a guest posts to the metadata service once it has set one (cloud-init's
 * {@code password} module, Windows' cloudbase-init). Windlass serves no metadata service, so no
 * guest ever posts one: the password is always Nova's empty string, and clearing it (which in
 * Nova never changes the guest's password either) has nothing to remove.
 */
@Path("/compute/v2.1/servers/{id}/os-server-password")
@Produces(MediaType.APPLICATION_JSON)
public class ServerPasswordResource {
    private final ServerLookup lookup;
    private final CurrentRequestContext context;

    public ServerPasswordResource(ServerLookup lookup, CurrentRequestContext context) {
        this.lookup = lookup;
        this.context = context;
    }

    @GET
    public Map<String, Object> index(@PathParam("id") String id) {
        lookup.authorized(context.get(), id, ServerPolicy.SERVER_PASSWORD_SHOW);
        return Map.of("password", "");
    }

    @DELETE
    public Response clear(@PathParam("id") String id) {
        lookup.authorized(context.get(), id, ServerPolicy.SERVER_PASSWORD_CLEAR);
        return Response.noContent().build();
    }
}
