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
