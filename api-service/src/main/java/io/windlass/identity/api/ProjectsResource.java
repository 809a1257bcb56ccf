package io.windlass.identity.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.ext.web.RoutingContext;
import io.windlass.api.validation.RequestFields;
import io.windlass.identity.persistence.IdentityRepository;
import io.windlass.identity.persistence.ProjectEntity;
import io.windlass.identity.persistence.RoleEntity;
import io.windlass.identity.persistence.UserEntity;
import io.windlass.identity.service.IdentityIds;
import io.windlass.identity.service.RevocationList;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;
import java.util.Objects;

/** Keystone's {@code /v3/projects}, and role grants on them. */
@Path("/v3/projects")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectsResource {
    private final IdentityRepository repository;
    private final IdentityRequests requests;
    private final IdentityAdmin admin;
    private final RevocationList revocations;

    public ProjectsResource(IdentityRepository repository, IdentityRequests requests, IdentityAdmin admin,
                            RevocationList revocations) {
        this.repository = repository;
        this.requests = requests;
        this.admin = admin;
        this.revocations = revocations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response create(JsonNode body, @Context RoutingContext routing) {
        admin.authorize("create_project");
        RequestFields p = requests.project(body, null);
        ProjectEntity project = new ProjectEntity();
        project.id = IdentityIds.newId();
        project.name = p.text("name");
        project.domainId = requests.domainId(p);
        project.description = Objects.requireNonNullElse(p.text("description"), "");
        project.enabled = p.bool("enabled", true);
        if (repository.projectByName(project.domainId, project.name).isPresent()) {
            throw KeystoneException.conflict("Conflict occurred attempting to store project - it is not permitted "
                    + "to have two projects with the same name in the same domain : " + project.name + ".");
        }
        project.persist();
        return Response.status(201).entity(Map.of("project", IdentityViews.project(project, admin.base(routing))))
                .build();
    }

    @GET
    @Transactional
    public Map<String, Object> list(@QueryParam("name") String name, @Context RoutingContext routing) {
        admin.authorize("list_projects");
        String base = admin.base(routing);
        return IdentityViews.list("projects", repository.projects(name).stream()
                .map(p -> IdentityViews.project(p, base)).toList(), base + "/v3/projects");
    }

    @GET
    @Path("/{id}")
    @Transactional
    public Map<String, Object> show(@PathParam("id") String id, @Context RoutingContext routing) {
        admin.authorize("get_project");
        return Map.of("project", IdentityViews.project(find(id), admin.base(routing)));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Map<String, Object> update(@PathParam("id") String id, JsonNode body, @Context RoutingContext routing) {
        admin.authorize("update_project");
        ProjectEntity project = find(id);
        RequestFields p = requests.project(body, id);
        if (p.has("name")) {
            project.name = p.text("name");
        }
        if (p.node().has("description")) {
            project.description = Objects.requireNonNullElse(p.text("description"), "");
        }
        if (p.has("enabled")) {
            boolean enabled = p.bool("enabled", true);
            if (project.enabled && !enabled) {
                revocations.revokeIssuedUntilNow(null, project.id, "project disabled");
            }
            project.enabled = enabled;
        }
        return Map.of("project", IdentityViews.project(project, admin.base(routing)));
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    public Response delete(@PathParam("id") String id) {
        admin.authorize("delete_project");
        ProjectEntity project = find(id);
        project.delete();
        revocations.revokeIssuedUntilNow(null, project.id, "project deleted");
        return Response.noContent().build();
    }

    @PUT
    @Path("/{project}/users/{user}/roles/{role}")
    @Transactional
    public Response grant(@PathParam("project") String projectId, @PathParam("user") String userId,
                          @PathParam("role") String roleId) {
        admin.authorize("create_grant");
        Grant g = grantOf(projectId, userId, roleId);
        repository.assign(g.user().id, g.project().id, g.role().id);
        return Response.noContent().build();
    }

    @HEAD
    @Path("/{project}/users/{user}/roles/{role}")
    @Transactional
    public Response checkGrant(@PathParam("project") String projectId, @PathParam("user") String userId,
                               @PathParam("role") String roleId) {
        admin.authorize("list_role_assignments");
        Grant g = grantOf(projectId, userId, roleId);
        boolean held = repository.assignedRoles(g.user().id, g.project().id).stream()
                .anyMatch(r -> r.id.equals(g.role().id));
        return Response.status(held ? 204 : 404).build();
    }

    @DELETE
    @Path("/{project}/users/{user}/roles/{role}")
    @Transactional
    public Response revoke(@PathParam("project") String projectId, @PathParam("user") String userId,
                           @PathParam("role") String roleId) {
        admin.authorize("revoke_grant");
        Grant g = grantOf(projectId, userId, roleId);
        if (!repository.unassign(g.user().id, g.project().id, g.role().id)) {
            throw new KeystoneException(404, "Could not find role assignment: user " + userId + ", project "
                    + projectId + ", role " + roleId + ".");
        }
        // the user's tokens on the project carry the role: they end, new ones carry what is left
        revocations.revokeIssuedUntilNow(g.user().id, g.project().id, "role " + g.role().name + " removed");
        return Response.noContent().build();
    }

    @GET
    @Path("/{project}/users/{user}/roles")
    @Transactional
    public Map<String, Object> userRoles(@PathParam("project") String projectId, @PathParam("user") String userId,
                                         @Context RoutingContext routing) {
        admin.authorize("list_role_assignments");
        ProjectEntity project = find(projectId);
        UserEntity user = repository.user(userId).orElseThrow(() -> KeystoneException.notFound("user", userId));
        String base = admin.base(routing);
        return IdentityViews.list("roles", repository.assignedRoles(user.id, project.id).stream()
                .map(r -> IdentityViews.role(r, base)).toList(),
                base + "/v3/projects/" + projectId + "/users/" + userId + "/roles");
    }

    private ProjectEntity find(String id) {
        return repository.project(id).orElseThrow(() -> KeystoneException.notFound("project", id));
    }

    private Grant grantOf(String projectId, String userId, String roleId) {
        RoleEntity role = repository.role(roleId).orElseThrow(() -> KeystoneException.notFound("role", roleId));
        UserEntity user = repository.user(userId).orElseThrow(() -> KeystoneException.notFound("user", userId));
        return new Grant(find(projectId), user, role);
    }

    private record Grant(ProjectEntity project, UserEntity user, RoleEntity role) {
    }
}
