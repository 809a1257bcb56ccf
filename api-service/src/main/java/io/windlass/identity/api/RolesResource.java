package io.windlass.identity.api;

import io.vertx.ext.web.RoutingContext;
import io.windlass.identity.persistence.IdentityRepository;
import io.windlass.identity.persistence.RoleAssignmentView;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keystone's {@code /v3/roles} (the three seeded roles) and {@code /v3/role_assignments}. */
@Path("/v3")
@Produces(MediaType.APPLICATION_JSON)
public class RolesResource {
    private final IdentityRepository repository;
    private final IdentityAdmin admin;

    public RolesResource(IdentityRepository repository, IdentityAdmin admin) {
        this.repository = repository;
        this.admin = admin;
    }

    @GET
    @Path("/roles")
    @Transactional
    public Map<String, Object> list(@QueryParam("name") String name, @Context RoutingContext routing) {
        admin.authorize("list_roles");
        String base = admin.base(routing);
        return IdentityViews.list("roles", repository.roles(name).stream().map(r -> IdentityViews.role(r, base))
                .toList(), base + "/v3/roles");
    }

    @GET
    @Path("/roles/{id}")
    @Transactional
    public Map<String, Object> show(@PathParam("id") String id, @Context RoutingContext routing) {
        admin.authorize("get_role");
        return Map.of("role", IdentityViews.role(repository.role(id)
                .orElseThrow(() -> KeystoneException.notFound("role", id)), admin.base(routing)));
    }

    @GET
    @Path("/role_assignments")
    @Transactional
    public Map<String, Object> assignments(@QueryParam("user.id") String userId,
                                           @QueryParam("scope.project.id") String projectId,
                                           @Context RoutingContext routing) {
        admin.authorize("list_role_assignments");
        String base = admin.base(routing);
        List<Map<String, Object>> items = repository.assignments(userId, projectId).stream()
                .map(a -> assignment(a, base)).toList();
        return IdentityViews.list("role_assignments", items, base + "/v3/role_assignments");
    }

    private static Map<String, Object> assignment(RoleAssignmentView a, String base) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("role", Map.of("id", a.roleId));
        v.put("user", Map.of("id", a.userId));
        v.put("scope", Map.of("project", Map.of("id", a.projectId)));
        v.put("links", Map.of("assignment", base + "/v3/projects/" + a.projectId + "/users/" + a.userId
                + "/roles/" + a.roleId));
        return v;
    }
}
