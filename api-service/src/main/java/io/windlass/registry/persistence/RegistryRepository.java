package io.windlass.registry.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Native SQL on {@code registries}; the api-service is its only writer. */
@ApplicationScoped
public class RegistryRepository {
    private static final String COLUMNS = "r.id, r.uuid, r.project_id, r.user_id, r.name, r.domain, r.username";
    /** The columns a list may sort and filter on (Zun's), the only text that enters a query from a request. */
    public static final Set<String> SORTABLE = Set.of("id", "uuid", "name", "domain", "username", "project_id",
            "user_id", "created_at", "updated_at");
    public static final Set<String> FILTERS = Set.of("name", "domain", "username", "project_id", "user_id");

    private final EntityManager em;

    public RegistryRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<RegistryRecord> findByUuid(UUID uuid) {
        return first(em.createNativeQuery("SELECT " + COLUMNS + " FROM registries r WHERE r.uuid = :uuid")
                .setParameter("uuid", uuid));
    }

    /** Registries named {@code name}, in {@code projectId} (or anywhere when it is null). */
    public List<RegistryRecord> findByName(String name, String projectId) {
        Query q = em.createNativeQuery("SELECT " + COLUMNS + " FROM registries r WHERE r.name = :name"
                + (projectId == null ? "" : " AND r.project_id = :project") + " ORDER BY r.id").setParameter("name", name);
        if (projectId != null) {
            q.setParameter("project", projectId);
        }
        return read(q.getResultList());
    }

    /**
     * The row, locked until the transaction ends: {@code share} while a container is made to pull from it (a
     * delete waits, then sees the container), else for an update or delete.
     */
    public Optional<RegistryRecord> lock(UUID uuid, boolean share) {
        return first(em.createNativeQuery("SELECT " + COLUMNS + " FROM registries r WHERE r.uuid = :uuid FOR "
                + (share ? "SHARE" : "UPDATE")).setParameter("uuid", uuid));
    }

    public void insert(UUID uuid, String projectId, String userId, String name, String domain, String username,
                       String sealedPassword) {
        em.createNativeQuery("INSERT INTO registries (uuid, project_id, user_id, name, domain, username, password) "
                        + "VALUES (:uuid, :project, :user, :name, :domain, :username, :password)")
                .setParameter("uuid", uuid).setParameter("project", projectId).setParameter("user", userId)
                .setParameter("name", name).setParameter("domain", domain).setParameter("username", username)
                .setParameter("password", sealedPassword).executeUpdate();
    }

    /**
     * Writes the given columns ({@code name}, {@code domain}, {@code username}, {@code password}: the password
     * already sealed) of the row.
     */
    public void update(UUID uuid, Map<String, String> columns) {
        if (columns.isEmpty()) {
            return;
        }
        List<String> sets = new ArrayList<>();
        columns.keySet().forEach(c -> {
            if (!Set.of("name", "domain", "username", "password").contains(c)) {
                throw new IllegalArgumentException("not a registry column: " + c);
            }
            sets.add(c + " = :" + c);
        });
        Query q = em.createNativeQuery("UPDATE registries SET " + String.join(", ", sets)
                + ", updated_at = now() WHERE uuid = :uuid").setParameter("uuid", uuid);
        columns.forEach(q::setParameter);
        q.executeUpdate();
    }

    /** Whether a container pulls from it (the foreign key would refuse the delete). */
    public boolean inUse(UUID uuid) {
        return !em.createNativeQuery("SELECT 1 FROM containers WHERE registry_id = :uuid LIMIT 1")
                .setParameter("uuid", uuid).getResultList().isEmpty();
    }

    public void delete(UUID uuid) {
        em.createNativeQuery("DELETE FROM registries WHERE uuid = :uuid").setParameter("uuid", uuid).executeUpdate();
    }

    /**
     * One page on (sort column, id), after the marker row when there is one; NULLs sort as PostgreSQL sorts them
     * (last ascending, first descending), and the marker condition says the same.
     *
     * @param projectId only this project, or every project when null
     * @param filters   column (one of {@link #FILTERS}) to value
     * @param sortKey   one of {@link #SORTABLE}
     * @param markerId  the marker row's id, or null
     */
    public List<RegistryRecord> page(String projectId, Map<String, String> filters, String sortKey, boolean ascending,
                                     Long markerId, int limit) {
        if (!SORTABLE.contains(sortKey) || !FILTERS.containsAll(filters.keySet())) {
            throw new IllegalArgumentException("not a registry column: " + sortKey + " " + filters.keySet());
        }
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (projectId != null) {
            where.add("r.project_id = :project");
            params.put("project", projectId);
        }
        filters.forEach((column, value) -> {
            where.add("r." + column + " = :f_" + column);
            params.put("f_" + column, value);
        });
        String from = "registries r";
        if (markerId != null) {
            from += ", (SELECT " + sortKey + " AS mk, id AS mid FROM registries WHERE id = :marker) m";
            params.put("marker", markerId);
            String k = "r." + sortKey;
            where.add(sortKey.equals("id") ? "r.id " + (ascending ? ">" : "<") + " m.mid" : ascending
                    ? "(" + k + " > m.mk OR (" + k + " = m.mk AND r.id > m.mid) OR (" + k + " IS NULL AND m.mk IS NOT NULL)"
                    + " OR (" + k + " IS NULL AND m.mk IS NULL AND r.id > m.mid))"
                    : "(" + k + " < m.mk OR (" + k + " = m.mk AND r.id < m.mid) OR (m.mk IS NULL AND " + k + " IS NOT NULL)"
                    + " OR (" + k + " IS NULL AND m.mk IS NULL AND r.id < m.mid))");
        }
        String dir = ascending ? "ASC" : "DESC";
        Query q = em.createNativeQuery("SELECT " + COLUMNS + " FROM " + from
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY r." + sortKey + " " + dir + (sortKey.equals("id") ? "" : ", r.id " + dir) + " LIMIT :limit");
        params.forEach(q::setParameter);
        q.setParameter("limit", limit);
        return read(q.getResultList());
    }

    private static Optional<RegistryRecord> first(Query q) {
        return read(q.getResultList()).stream().findFirst();
    }

    @SuppressWarnings("unchecked")
    private static List<RegistryRecord> read(List<?> rows) {
        return ((List<Object[]>) rows).stream().map(c -> new RegistryRecord(((Number) c[0]).longValue(), (UUID) c[1],
                (String) c[2], (String) c[3], (String) c[4], (String) c[5], (String) c[6])).toList();
    }
}
