package io.windlass.migration.api;

import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.microversion.ApiVersion;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.OsloBoolean;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import io.windlass.compute.api.ComputeApiVersions;
import io.windlass.compute.api.ComputeLinks;
import io.windlass.compute.api.ComputePagination;
import io.windlass.compute.api.RequestedComputeVersion;
import io.windlass.compute.policy.ComputePolicy;
import io.windlass.context.RequestContext;
import io.windlass.migration.persistence.MigrationEntity;
import io.windlass.migration.persistence.MigrationFilter;
import io.windlass.migration.persistence.MigrationRepository;
import io.windlass.server.api.ServerRequests;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Nova's {@code GET /v2.1/os-migrations} ({@code nova/api/openstack/compute/migrations.py}): every
 * project's resizes (Windlass's only migrations), filtered by {@code host}, {@code status},
 * {@code instance_uuid}, {@code source_compute}, {@code migration_type} and {@code hidden}; from 2.59
 * paged newest first ({@code limit}, {@code marker} by uuid, {@code migrations_links}) and
 * {@code changes-since}, 2.66 {@code changes-before}, 2.80 {@code user_id} and {@code project_id}.
 * A project's managers may list their own project's (with {@code project_id}, hosts hidden); the
 * rest is admins'.
 */
@Path("/compute/v2.1/os-migrations")
@Produces(MediaType.APPLICATION_JSON)
public class MigrationsResource {
    private static final String QUERY = "compute/migrations/list-query";

    private final MigrationRepository migrations;
    private final RequestValidator validator;
    private final ComputePagination pagination;
    private final ComputePolicy policy;
    private final CurrentRequestContext context;
    private final RequestedComputeVersion version;
    private final ComputeLinks links;

    public MigrationsResource(MigrationRepository migrations, RequestValidator validator, ComputePagination pagination,
                              ComputePolicy policy, CurrentRequestContext context, RequestedComputeVersion version,
                              ComputeLinks links) {
        this.migrations = migrations;
        this.validator = validator;
        this.pagination = pagination;
        this.policy = policy;
        this.context = context;
        this.version = version;
        this.links = links;
    }

    @GET
    public Map<String, Object> index(@Context UriInfo uri) {
        ApiVersion at = version.get();
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        RequestFields given = validator.query(ApiFamily.NOVA, QUERY, at, query);
        RequestContext caller = context.get();
        policy.authorize(ComputePolicy.MIGRATIONS_INDEX, caller);
        String project = last(query, "project_id");
        if (project == null || !project.equals(caller.projectId())) {
            policy.authorize(ComputePolicy.MIGRATIONS_INDEX_ALL_PROJECTS, caller);
        }
        MigrationView view = new MigrationView(at.isAtLeast(ComputeApiVersions.MIGRATION_TYPE),
                at.isAtLeast(ComputeApiVersions.MIGRATION_PAGING), at.isAtLeast(ComputeApiVersions.MIGRATION_OWNER),
                policy.allows(ComputePolicy.MIGRATIONS_INDEX_HOST, caller));

        boolean paged = at.isAtLeast(ComputeApiVersions.MIGRATION_PAGING);
        Instant since = paged ? time(given.text("changes-since")) : null;
        Instant before = at.isAtLeast(ComputeApiVersions.MIGRATION_CHANGES_BEFORE)
                ? time(given.text("changes-before")) : null;
        if (since != null && before != null && before.isBefore(since)) {
            throw InvalidInputException.badRequest("The value of changes-since must be less than or equal to "
                    + "changes-before.");
        }
        Optional<MigrationFilter> filter = filter(query, since, before);
        Map<String, Object> body = new LinkedHashMap<>();
        if (!paged) {
            body.put("migrations", filter.map(migrations::all).orElse(List.of()).stream()
                    .filter(m -> !m.hidden).map(m -> view.of(m, links)).toList());
            return body;
        }
        int limit = given.limit(pagination.limit(null));
        String marker = given.text("marker");
        MigrationEntity after = marker == null ? null : markerOf(marker);
        // Nova's migration_get_all_by_filters: a limit of 0 is an empty page
        List<MigrationEntity> page = limit == 0 || filter.isEmpty() ? List.of()
                : migrations.page(filter.get(), after, limit);
        List<Map<String, Object>> views = page.stream().filter(m -> !m.hidden).map(m -> view.of(m, links)).toList();
        body.put("migrations", views);
        List<Map<String, String>> next = pagination.links(links.versioned() + "/os-migrations", query, views.size(),
                limit, views.isEmpty() ? null : (String) views.getLast().get("uuid"));
        if (!next.isEmpty()) {
            body.put("migrations_links", next);
        }
        return body;
    }

    /**
     * The filters Nova's database query reads, from the request's query (before 2.59 any parameter
     * passes, so {@code user_id} and {@code project_id} filter there too); empty when no migration
     * can match ({@code instance_uuid} no uuid, as Nova's string column matches nothing).
     */
    private static Optional<MigrationFilter> filter(MultivaluedMap<String, String> query, Instant since,
                                                    Instant before) {
        String instance = last(query, "instance_uuid");
        UUID instanceUuid = null;
        if (instance != null) {
            try {
                instanceUuid = UUID.fromString(instance);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        String hidden = last(query, "hidden");
        // Nova compares the text with a boolean column; a spelling oslo does not read filters nothing here
        Boolean hiddenFilter = hidden == null ? null : OsloBoolean.parse(hidden).orElse(null);
        return Optional.of(new MigrationFilter(last(query, "host"), last(query, "source_compute"),
                last(query, "status"), instanceUuid, last(query, "migration_type"), hiddenFilter,
                last(query, "user_id"), last(query, "project_id"), since, before));
    }

    private MigrationEntity markerOf(String marker) {
        InvalidInputException notFound = InvalidInputException.badRequest("Marker " + marker + " could not be found.");
        try {
            return migrations.findByUuid(UUID.fromString(marker)).orElseThrow(() -> notFound);
        } catch (IllegalArgumentException e) {
            throw notFound;
        }
    }

    /** Nova copies the query into a dict: of a repeated parameter, the last value counts. */
    private static String last(MultivaluedMap<String, String> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.getLast();
    }

    private static Instant time(String text) {
        return text == null ? null : ServerRequests.timestamp(text).toInstant();
    }
}
