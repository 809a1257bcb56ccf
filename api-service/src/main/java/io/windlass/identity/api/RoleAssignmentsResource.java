package io.windlass.identity.api;

import io.vertx.ext.web.RoutingContext;
import io.windlass.identity.persistence.IdentityRepository;
import io.windlass.identity.persistence.RoleAssignmentView;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keystone's {@code /v3/role_assignments}, filtered by {@code user.id} and {@code scope.project.id}. */
@Path("/v3/role_assignments")
@Produces(MediaType.APPLICATION_JSON)
public class RoleAssignmentsResource {
    private final IdentityRepository repository;
    private final IdentityAdmin admin;

    public RoleAssignmentsResource(IdentityRepository repository, IdentityAdmin admin) {
        this.repository = repository;
        this.admin = admin;
    }

    @GET
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
