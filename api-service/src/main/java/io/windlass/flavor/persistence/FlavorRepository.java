package io.windlass.flavor.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Native SQL on {@code flavors} and {@code flavor_projects}. */
@ApplicationScoped
public class FlavorRepository {
    static final String COLUMNS = "f.id, f.flavorid, f.name, f.vcpus, f.memory_mb, f.root_gb, f.ephemeral_gb, f.swap, "
            + "f.rxtx_factor, f.is_public, f.disabled, f.description, cast(f.extra_specs as text), f.created_at";
    private static final TypeReference<Map<String, String>> SPECS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper json;

    public FlavorRepository(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    public Optional<FlavorRecord> findByFlavorId(String flavorId) {
        return read(em.createNativeQuery("SELECT " + COLUMNS + " FROM flavors f WHERE f.flavorid = :id")
                .setParameter("id", flavorId).getResultList()).stream().findFirst();
    }

    /** Whether the project is on the flavor's access list (public flavors need none). */
    public boolean accessible(long internalId, String projectId) {
        return !em.createNativeQuery("SELECT 1 FROM flavor_projects WHERE flavor_id = :id AND project_id = :project")
                .setParameter("id", internalId).setParameter("project", projectId).getResultList().isEmpty();
    }

    public Optional<FlavorRecord> findByName(String name) {
        return read(em.createNativeQuery("SELECT " + COLUMNS + " FROM flavors f WHERE f.name = :name")
                .setParameter("name", name).getResultList()).stream().findFirst();
    }

    /**
     * One page of flavors in Nova's order (the sort column, then the database id), after the
     * marker's row when there is one.
     */
    public List<FlavorRecord> page(FlavorQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM flavors f WHERE true");
        Map<String, Object> params = new java.util.HashMap<>();
        switch (query.visibility()) {
            case ALL -> {
            }
            case PUBLIC -> sql.append(" AND f.is_public");
            case PRIVATE -> sql.append(" AND NOT f.is_public");
            case PUBLIC_OR_ACCESSIBLE -> {
                sql.append(" AND (f.is_public OR EXISTS (SELECT 1 FROM flavor_projects p "
                        + "WHERE p.flavor_id = f.id AND p.project_id = :project))");
                params.put("project", query.projectId());
            }
        }
        if (query.enabledOnly()) {
            sql.append(" AND NOT f.disabled");
        }
        if (query.minRamMb() != null) {
            sql.append(" AND f.memory_mb >= :minRam");
            params.put("minRam", query.minRamMb());
        }
        if (query.minDiskGb() != null) {
            sql.append(" AND f.root_gb >= :minDisk");
            params.put("minDisk", query.minDiskGb());
        }
        String column = "f." + query.sortColumn();
        String cmp = query.ascending() ? ">" : "<";
        if (query.markerInternalId() != null) {
            // row comparison keeps the order total when sort values repeat
            sql.append(" AND (").append(column).append(", f.id) ").append(cmp).append(" (SELECT m.")
                    .append(query.sortColumn()).append(", m.id FROM flavors m WHERE m.id = :marker)");
            params.put("marker", query.markerInternalId());
        }
        String dir = query.ascending() ? " ASC" : " DESC";
        sql.append(" ORDER BY ").append(column).append(dir).append(", f.id").append(dir).append(" LIMIT :limit");
        params.put("limit", query.limit());
        var q = em.createNativeQuery(sql.toString());
        params.forEach(q::setParameter);
        return read(q.getResultList());
    }

    /** Inserts the flavor unless its id or name is taken; answers which one clashed, if any. */
    public Optional<String> insert(FlavorRecord f) {
        if (findByFlavorId(f.flavorId()).isPresent()) {
            return Optional.of("id");
        }
        int inserted = em.createNativeQuery("""
                        INSERT INTO flavors (flavorid, name, vcpus, memory_mb, root_gb, ephemeral_gb, swap, rxtx_factor,
                                             is_public, description)
                        VALUES (:flavorid, :name, :vcpus, :ram, :disk, :ephemeral, :swap, :rxtx, :public, :description)
                        ON CONFLICT DO NOTHING""")
                .setParameter("flavorid", f.flavorId()).setParameter("name", f.name())
                .setParameter("vcpus", f.vcpus()).setParameter("ram", f.memoryMb()).setParameter("disk", f.rootGb())
                .setParameter("ephemeral", f.ephemeralGb()).setParameter("swap", f.swapMb())
                .setParameter("rxtx", f.rxtxFactor()).setParameter("public", f.isPublic())
                .setParameter("description", f.description()).executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        return Optional.of(findByFlavorId(f.flavorId()).isPresent() ? "id" : "name");
    }

    public boolean delete(long internalId) {
        return em.createNativeQuery("DELETE FROM flavors WHERE id = :id").setParameter("id", internalId)
                .executeUpdate() == 1;
    }

    public void updateDescription(long internalId, String description) {
        em.createNativeQuery("UPDATE flavors SET description = :d, updated_at = now() WHERE id = :id")
                .setParameter("d", description).setParameter("id", internalId).executeUpdate();
    }

    /** Merges {@code specs} into the flavor's extra specs. */
    public void mergeExtraSpecs(long internalId, Map<String, String> specs) {
        em.createNativeQuery("UPDATE flavors SET extra_specs = extra_specs || cast(:specs as jsonb), updated_at = now() "
                        + "WHERE id = :id")
                .setParameter("specs", toJson(specs)).setParameter("id", internalId).executeUpdate();
    }

    /** Removes one key; false when the flavor did not have it. */
    public boolean removeExtraSpec(long internalId, String key) {
        return em.createNativeQuery("UPDATE flavors SET extra_specs = extra_specs - :key, updated_at = now() "
                        + "WHERE id = :id AND jsonb_exists(extra_specs, :key)")
                .setParameter("key", key).setParameter("id", internalId).executeUpdate() == 1;
    }

    /** The projects on the flavor's access list, ordered. */
    public List<String> accessList(long internalId) {
        return em.createNativeQuery("SELECT project_id FROM flavor_projects WHERE flavor_id = :id ORDER BY project_id")
                .setParameter("id", internalId).getResultList().stream().map(String.class::cast).toList();
    }

    /** False when the project was already on the list. */
    public boolean addAccess(long internalId, String projectId) {
        return em.createNativeQuery("INSERT INTO flavor_projects (flavor_id, project_id) VALUES (:id, :project) "
                        + "ON CONFLICT DO NOTHING")
                .setParameter("id", internalId).setParameter("project", projectId).executeUpdate() == 1;
    }

    /** False when the project was not on the list. */
    public boolean removeAccess(long internalId, String projectId) {
        return em.createNativeQuery("DELETE FROM flavor_projects WHERE flavor_id = :id AND project_id = :project")
                .setParameter("id", internalId).setParameter("project", projectId).executeUpdate() == 1;
    }

    private String toJson(Map<String, String> specs) {
        try {
            return json.writeValueAsString(specs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    List<FlavorRecord> read(List<?> rows) {
        List<FlavorRecord> flavors = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            flavors.add(new FlavorRecord(((Number) c[0]).longValue(), (String) c[1], (String) c[2],
                    ((Number) c[3]).intValue(), ((Number) c[4]).intValue(), ((Number) c[5]).intValue(),
                    ((Number) c[6]).intValue(), ((Number) c[7]).intValue(), ((Number) c[8]).doubleValue(),
                    (Boolean) c[9], (Boolean) c[10], (String) c[11], specs((String) c[12]), instant(c[13])));
        }
        return flavors;
    }

    private Map<String, String> specs(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, SPECS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("flavors.extra_specs is not a string map: " + text, e);
        }
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp type " + value.getClass());
        };
    }
}
