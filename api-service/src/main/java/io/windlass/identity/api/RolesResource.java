package io.windlass.identity.api;

import io.vertx.ext.web.RoutingContext;
import io.windlass.identity.persistence.IdentityRepository;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** Keystone's {@code /v3/roles}: the three seeded roles, read-only. */
@Path("/v3/roles")
@Produces(MediaType.APPLICATION_JSON)
public class RolesResource {
    private final IdentityRepository repository;
    private final IdentityAdmin admin;

    public RolesResource(IdentityRepository repository, IdentityAdmin admin) {
        this.repository = repository;
        this.admin = admin;
    }

    @GET
    @Transactional
    public Map<String, Object> list(@QueryParam("name") String name, @Context RoutingContext routing) {
        admin.authorize("list_roles");
        String base = admin.base(routing);
        return IdentityViews.list("roles", repository.roles(name).stream().map(r -> IdentityViews.role(r, base))
                .toList(), base + "/v3/roles");
    }

    @GET
    @Path("/{id}")
    @Transactional
    public Map<String, Object> show(@PathParam("id") String id, @Context RoutingContext routing) {
        admin.authorize("get_role");
        return Map.of("role", IdentityViews.role(repository.role(id)
                .orElseThrow(() -> KeystoneException.notFound("role", id)), admin.base(routing)));
    }
}
