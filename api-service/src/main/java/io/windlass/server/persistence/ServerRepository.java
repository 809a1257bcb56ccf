package io.windlass.server.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.jpa.HibernateHints;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads and locks {@code servers} rows; listing is native SQL so that filters can use PostgreSQL's regex and jsonb. */
@ApplicationScoped
public class ServerRepository implements PanacheRepository<ServerEntity> {

    /** A live (not soft-deleted) server. */
    public Optional<ServerEntity> findLive(UUID uuid) {
        return find("uuid = ?1 and deletedAt is null", uuid).firstResultOptional();
    }

    /** A live server, locked until the transaction ends. */
    public Optional<ServerEntity> lockLive(UUID uuid) {
        return find("uuid = ?1 and deletedAt is null", uuid).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** The marker row of a listing (live or deleted), by uuid. */
    public Optional<ServerEntity> findAny(UUID uuid) {
        return find("uuid", uuid).firstResultOptional();
    }

    @SuppressWarnings("unchecked")
    public List<ServerEntity> list(ServerQuery query) {
        List<String> where = new ArrayList<>();
        if (query.projectId() != null) {
            where.add("s.project_id = :project");
        }
        if (query.onlyDeleted()) {
            where.add("s.deleted_at is not null");
        } else if (!query.includeDeleted()) {
            where.add("s.deleted_at is null");
        }
        query.conditions().forEach(c -> where.add(c.sql()));
        if (query.markerId() != null) {
            where.add(afterMarker(query.sort()));
        }
        StringBuilder sql = new StringBuilder("SELECT s.* FROM servers s");
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        sql.append(" ORDER BY ");
        List<String> order = new ArrayList<>();
        for (ServerQuery.SortKey key : query.sort()) {
            order.add("s." + key.column() + (key.descending() ? " DESC" : " ASC"));
        }
        sql.append(String.join(", ", order)).append(" LIMIT :limit");
        Query q = getEntityManager().createNativeQuery(sql.toString(), ServerEntity.class);
        // listed rows are only rendered: no snapshots for dirty checking
        q.setHint(HibernateHints.HINT_READ_ONLY, true);
        if (query.projectId() != null) {
            q.setParameter("project", query.projectId());
        }
        query.conditions().stream().filter(c -> c.parameter() != null)
                .forEach(c -> q.setParameter(c.parameter(), c.value()));
        if (query.markerId() != null) {
            q.setParameter("marker", query.markerId());
        }
        q.setParameter("limit", query.limit());
        return q.getResultList();
    }

    /**
     * Rows strictly after the marker in the sort order: a row-value comparison when every key
     * sorts the same way, else for keys k1..kn, (k1 after m1) or (k1 = m1 and k2 after m2) or
     * ... A null sort value compares as unknown in SQL, so rows
     * whose sort key is null can be skipped when paging by a nullable key (the default keys are not null).
     */
    private static String afterMarker(List<ServerQuery.SortKey> sort) {
        boolean oneDirection = sort.stream().allMatch(k -> k.descending() == sort.getFirst().descending());
        if (oneDirection) {
            // a row-value comparison walks the (created_at, id) index straight to the page
            String columns = String.join(", ", sort.stream().map(k -> "s." + k.column()).toList());
            String marker = String.join(", ", sort.stream().map(k -> "m." + k.column()).toList());
            return "(" + columns + ") " + (sort.getFirst().descending() ? "<" : ">")
                    + " (SELECT " + marker + " FROM servers m WHERE m.id = :marker)";
        }
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < sort.size(); i++) {
            StringBuilder term = new StringBuilder("(");
            for (int j = 0; j < i; j++) {
                term.append("s.").append(sort.get(j).column()).append(" = ").append(markerValue(sort.get(j)))
                        .append(" AND ");
            }
            ServerQuery.SortKey key = sort.get(i);
            term.append("s.").append(key.column()).append(key.descending() ? " < " : " > ").append(markerValue(key))
                    .append(")");
            alternatives.add(term.toString());
        }
        return "(" + String.join(" OR ", alternatives) + ")";
    }

    private static String markerValue(ServerQuery.SortKey key) {
        return "(SELECT m." + key.column() + " FROM servers m WHERE m.id = :marker)";
    }
}
