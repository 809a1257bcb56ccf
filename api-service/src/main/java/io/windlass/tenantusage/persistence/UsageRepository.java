package io.windlass.tenantusage.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The servers active in a window, deleted ones included (their rows stay, with
 * {@code terminated_at}), as Nova's {@code instance_get_active_by_window_joined} finds them.
 */
@ApplicationScoped
public class UsageRepository {
    private static final String SELECT = """
            SELECT cast(uuid AS text), name, project_id, flavor_name, vcpus, memory_mb, root_gb, ephemeral_gb, vm_state,
                   cast(extract(epoch FROM launched_at) * 1000000 AS bigint),
                   cast(extract(epoch FROM terminated_at) * 1000000 AS bigint)
            FROM servers""";

    private final EntityManager em;

    public UsageRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Servers not terminated before {@code begin} and launched before {@code end} (never launched: none),
     * ordered by project and uuid as Nova pages them: byte order, whatever the database's collation.
     *
     * @param project only this project's, or null for all
     * @param after   the marker's (project, uuid), or null from the start
     */
    public List<UsageRow> activeIn(Instant begin, Instant end, String project, Position after, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE (terminated_at IS NULL OR terminated_at > "
                + "cast(:begin AS timestamptz)) AND launched_at < cast(:end AS timestamptz)");
        if (project != null) {
            sql.append(" AND project_id = :project");
        }
        if (after != null) {
            sql.append(" AND (project_id COLLATE \"C\", uuid) > (cast(:afterProject AS text) COLLATE \"C\", "
                    + "cast(:afterUuid AS uuid))");
        }
        sql.append(" ORDER BY project_id COLLATE \"C\", uuid LIMIT :limit");
        Query query = em.createNativeQuery(sql.toString()).setParameter("begin", timestamp(begin))
                .setParameter("end", timestamp(end)).setParameter("limit", limit);
        if (project != null) {
            query.setParameter("project", project);
        }
        if (after != null) {
            query.setParameter("afterProject", after.projectId()).setParameter("afterUuid", after.uuid().toString());
        }
        List<UsageRow> out = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            out.add(new UsageRow(UUID.fromString((String) c[0]), (String) c[1], (String) c[2], (String) c[3],
                    ((Number) c[4]).intValue(), ((Number) c[5]).intValue(), ((Number) c[6]).intValue(),
                    ((Number) c[7]).intValue(), (String) c[8], instant(c[9]), instant(c[10])));
        }
        return out;
    }

    /** Where a server stands in that order, deleted or not (a marker may be any server). */
    public Optional<Position> position(UUID server) {
        List<?> rows = em.createNativeQuery("SELECT project_id FROM servers WHERE uuid = cast(:uuid AS uuid)")
                .setParameter("uuid", server.toString()).getResultList();
        return rows.stream().findFirst().map(p -> new Position((String) p, server));
    }

    /** A server's place in the (project, uuid) order. */
    public record Position(String projectId, UUID uuid) {
    }

    private static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static Instant instant(Object micros) {
        return micros == null ? null : Instant.EPOCH.plus(((Number) micros).longValue(), ChronoUnit.MICROS);
    }
}
