package io.windlass.image.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The images Windlass can boot: those its agents report in their heartbeats
 * ({@code compute_hosts.images}). There is no image store of its own, so the catalogue is
 * derived; ids are name-based uuids of the reference, the same in every api-service replica
 * and across restarts, which lets a server keep pointing at its image by id.
 */
@ApplicationScoped
public class ImageCatalog {
    private static final String NAMESPACE = "windlass-image:";

    private final EntityManager em;

    public ImageCatalog(EntityManager em) {
        this.em = em;
    }

    /** The catalogue id of an engine reference; an untagged reference means {@code :latest}. */
    public static String idOf(String reference) {
        return UUID.nameUUIDFromBytes((NAMESPACE + normalize(reference)).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** {@code busybox} → {@code busybox:latest}; references with a tag or digest stay as they are. */
    public static String normalize(String reference) {
        int slash = reference.lastIndexOf('/');
        String last = reference.substring(slash + 1);
        return last.contains(":") || last.contains("@") ? reference : reference + ":latest";
    }

    /**
     * Every known image, ordered by name. Hosts may report the same image untagged and
     * tagged ({@code busybox}, {@code busybox:latest}); both count as one image.
     */
    public List<CatalogImage> list() {
        List<?> rows = em.createNativeQuery("""
                SELECT ref, count(*), min(h.created_at) FROM compute_hosts h, jsonb_array_elements_text(h.images) AS ref
                GROUP BY ref""").getResultList();
        Map<String, CatalogImage> byReference = new TreeMap<>();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            String reference = normalize((String) c[0]);
            int hosts = ((Number) c[1]).intValue();
            Instant seen = instant(c[2]);
            byReference.merge(reference, new CatalogImage(idOf(reference), reference, reference, hosts, seen),
                    (a, b) -> new CatalogImage(a.id(), a.name(), a.reference(), a.hosts() + b.hosts(),
                            a.firstSeen().isBefore(b.firstSeen()) ? a.firstSeen() : b.firstSeen()));
        }
        return new ArrayList<>(byReference.values());
    }

    public Optional<CatalogImage> find(String id) {
        return list().stream().filter(image -> image.id().equals(id)).findFirst();
    }

    /** The image a reference names, untagged meaning {@code :latest}. */
    public Optional<CatalogImage> findByReference(String reference) {
        String normalized = normalize(reference);
        return list().stream().filter(image -> image.reference().equals(normalized)).findFirst();
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
