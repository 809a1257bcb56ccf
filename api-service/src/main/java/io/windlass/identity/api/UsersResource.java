package io.windlass.identity.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;
import io.windlass.api.validation.RequestFields;
import io.windlass.identity.persistence.IdentityRepository;
import io.windlass.identity.persistence.UserEntity;
import io.windlass.identity.service.IdentityIds;
import io.windlass.identity.service.PasswordHasher;
import io.windlass.identity.service.RevocationList;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Keystone's {@code /v3/users}. Passwords are hashed on the way in and never returned. */
@Path("/v3/users")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {
    private final IdentityRepository repository;
    private final IdentityRequests requests;
    private final IdentityAdmin admin;
    private final PasswordHasher hasher;
    private final RevocationList revocations;
    private final ObjectMapper json;

    public UsersResource(IdentityRepository repository, IdentityRequests requests, IdentityAdmin admin,
                         PasswordHasher hasher, RevocationList revocations, ObjectMapper json) {
        this.json = json;
        this.repository = repository;
        this.requests = requests;
        this.admin = admin;
        this.hasher = hasher;
        this.revocations = revocations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response create(JsonNode body, @Context RoutingContext routing) {
        admin.authorize("create_user");
        RequestFields u = requests.user(body, null);
        UserEntity user = new UserEntity();
        user.id = IdentityIds.newId();
        user.name = u.text("name");
        user.domainId = requests.domainId(u);
        user.enabled = u.bool("enabled", true);
        apply(user, u);
        if (repository.userByName(user.domainId, user.name).isPresent()) {
            throw KeystoneException.conflict("Conflict occurred attempting to store user - Duplicate entry found "
                    + "with name " + user.name + " at domain ID " + user.domainId + ".");
        }
        user.persist();
        return Response.status(201).entity(Map.of("user", IdentityViews.user(user, admin.base(routing)))).build();
    }

    @GET
    @Transactional
    public Map<String, Object> list(@QueryParam("name") String name, @Context RoutingContext routing) {
        admin.authorize("list_users");
        String base = admin.base(routing);
        return IdentityViews.list("users", repository.users(name).stream().map(x -> IdentityViews.user(x, base))
                .toList(), base + "/v3/users");
    }

    @GET
    @Path("/{id}")
    @Transactional
    public Map<String, Object> show(@PathParam("id") String id, @Context RoutingContext routing) {
        admin.authorize("get_user");
        return Map.of("user", IdentityViews.user(find(id), admin.base(routing)));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Map<String, Object> update(@PathParam("id") String id, JsonNode body, @Context RoutingContext routing) {
        admin.authorize("update_user");
        UserEntity user = find(id);
        RequestFields u = requests.user(body, id);
        if (u.has("name")) {
            user.name = u.text("name");
        }
        if (u.has("enabled")) {
            boolean enabled = u.bool("enabled", true);
            if (user.enabled && !enabled) {
                revocations.revokeIssuedUntilNow(user.id, null, "user disabled");
            }
            user.enabled = enabled;
        }
        apply(user, u);
        if (u.has("password")) {
            // as Keystone: a new password ends the sessions opened with the old one
            revocations.revokeIssuedUntilNow(user.id, null, "password changed");
        }
        return Map.of("user", IdentityViews.user(user, admin.base(routing)));
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    public Response delete(@PathParam("id") String id) {
        admin.authorize("delete_user");
        UserEntity user = find(id);
        user.delete();
        revocations.revokeIssuedUntilNow(user.id, null, "user deleted");
        return Response.noContent().build();
    }

    /** What Keystone has columns for; everything else a request names is an extra attribute. */
    private static final Set<String> COLUMNS = Set.of("id", "name", "domain_id", "default_project_id", "enabled",
            "options", "password");

    private void apply(UserEntity user, RequestFields u) {
        Map<String, Object> extra = new HashMap<>(user.extra);
        u.node().properties().stream().filter(m -> !COLUMNS.contains(m.getKey()))
                .forEach(m -> extra.put(m.getKey(), json.convertValue(m.getValue(), Object.class)));
        user.extra = extra;
        if (u.has("password")) {
            user.passwordHash = hasher.hash(u.text("password"));
        }
        if (u.has("default_project_id")) {
            String project = u.text("default_project_id");
            user.defaultProjectId = repository.project(project)
                    .orElseThrow(() -> KeystoneException.notFound("project", project)).id;
        }
    }

    private UserEntity find(String id) {
        return repository.user(id).orElseThrow(() -> KeystoneException.notFound("user", id));
    }
}
