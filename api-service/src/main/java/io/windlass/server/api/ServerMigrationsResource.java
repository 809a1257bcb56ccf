package io.windlass.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestValidator;
import io.windlass.compute.api.ComputeApiVersions;
import io.windlass.compute.api.RequestedComputeVersion;
import io.windlass.migration.persistence.MigrationRepository;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.server.policy.ServerPolicy;
import io.windlass.server.service.ServerLiveMigrations;
import io.windlass.server.service.ServerLookup;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/**
 * Nova's {@code /v2.1/servers/{id}/migrations} ({@code nova/api/openstack/compute/server_migrations.py}):
 * a server's in-progress live migrations (2.23), {@code force_complete} (2.22) and abort (2.24).
 * Windlass has no live migration, so the list is always empty, a migration shown is Nova's 404
 * (a resize's record is "not live-migration"), and force_complete and abort meet Nova's state
 * check first: a server that is not {@code migrating} is its 409, as in Nova, whichever migration
 * the URL names.
 */
@Path("/compute/v2.1/servers/{id}/migrations")
@Produces(MediaType.APPLICATION_JSON)
public class ServerMigrationsResource {
    private final ServerLookup lookup;
    private final ServerLiveMigrations liveMigrations;
    private final MigrationRepository migrations;
    private final RequestValidator validator;
    private final CurrentRequestContext context;
    private final RequestedComputeVersion version;

    public ServerMigrationsResource(ServerLookup lookup, ServerLiveMigrations liveMigrations,
                                    MigrationRepository migrations, RequestValidator validator,
                                    CurrentRequestContext context, RequestedComputeVersion version) {
        this.lookup = lookup;
        this.liveMigrations = liveMigrations;
        this.migrations = migrations;
        this.validator = validator;
        this.context = context;
        this.version = version;
    }

    /** In-progress live migrations only: none here (hosts would be shown to {@code index:host}). */
    @GET
    public Map<String, Object> index(@PathParam("id") String id) {
        version.require(ComputeApiVersions.MIGRATION_TYPE);
        lookup.authorized(context.get(), id, ServerPolicy.MIGRATIONS_INDEX);
        return Map.of("migrations", List.of());
    }

    @GET
    @Path("/{migrationId}")
    public Map<String, Object> show(@PathParam("id") String id, @PathParam("migrationId") String migrationId) {
        version.require(ComputeApiVersions.MIGRATION_TYPE);
        ServerEntity server = lookup.authorized(context.get(), id, ServerPolicy.MIGRATIONS_SHOW);
        Long number = migrationNumber(migrationId);
        boolean recorded = number != null && migrations.find(server.uuid, number).isPresent();
        // a resize's record is found, but is no live migration; an unknown id is not found at all
        throw new ResourceNotFoundException("MigrationNotFoundForInstance", recorded
                ? "Migration " + migrationId + " for server " + id + " is not live-migration."
                : "In-progress live migration " + migrationId + " is not found for server " + id + ".");
    }

    @POST
    @Path("/{migrationId}/action")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response action(@PathParam("id") String id, @PathParam("migrationId") String migrationId, JsonNode body) {
        version.require(ComputeApiVersions.MIGRATION_FORCE_COMPLETE);
        validator.body(ApiFamily.NOVA, "compute/servers/migration-action", version.get(), body);
        liveMigrations.forceComplete(context.get(), id);
        return Response.accepted().build();
    }

    @DELETE
    @Path("/{migrationId}")
    public Response abort(@PathParam("id") String id, @PathParam("migrationId") String migrationId) {
        version.require(ComputeApiVersions.MIGRATION_ABORT);
        liveMigrations.abort(context.get(), id);
        return Response.accepted().build();
    }

    /** Nova's ids are integers; anything else names no migration. */
    private static Long migrationNumber(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
