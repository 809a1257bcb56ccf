package io.windlass.image.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    /** Every known image, ordered by name. */
    public List<CatalogImage> list() {
        List<?> rows = em.createNativeQuery("""
                SELECT ref, count(*) FROM compute_hosts h, jsonb_array_elements_text(h.images) AS ref
                GROUP BY ref ORDER BY ref""").getResultList();
        List<CatalogImage> images = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            String reference = normalize((String) c[0]);
            images.add(new CatalogImage(idOf(reference), reference, reference, ((Number) c[1]).intValue()));
        }
        return images;
    }

    public Optional<CatalogImage> find(String id) {
        return list().stream().filter(image -> image.id().equals(id)).findFirst();
    }
}
