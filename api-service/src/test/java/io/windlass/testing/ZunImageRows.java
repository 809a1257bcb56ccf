package io.windlass.testing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.zunimage.ZunImageStatus;
import io.windlass.zunimage.persistence.ZunImageEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** {@code zun_images} rows written directly, as the api-service and the conductor would have left them. */
@ApplicationScoped
public class ZunImageRows {
    private final EntityManager em;

    public ZunImageRows(EntityManager em) {
        this.em = em;
    }

    /** A row of {@code project}; a Pulled one has an engine id and size, an Error one a reason. */
    public ZunImageEntity insert(String project, String repo, String tag, String host, ZunImageStatus status) {
        ZunImageEntity i = new ZunImageEntity();
        i.uuid = UUID.randomUUID();
        i.projectId = project;
        i.userId = "admin";
        i.repo = repo;
        i.tag = tag;
        i.host = host;
        i.status = status;
        i.imageId = status == ZunImageStatus.PULLED ? "sha256:" + "ab".repeat(32) : null;
        i.size = status == ZunImageStatus.PULLED ? 4404862L : null;
        i.statusReason = status == ZunImageStatus.ERROR ? "Image " + repo + ":" + tag + " could not be pulled" : null;
        i.createdAt = Instant.now();
        i.updatedAt = i.createdAt;
        QuarkusTransaction.requiringNew().run(() -> em.persist(i));
        return i;
    }

    public Optional<ZunImageEntity> find(UUID uuid) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "from ZunImageEntity i where i.uuid = :uuid", ZunImageEntity.class).setParameter("uuid", uuid)
                .getResultStream().findFirst());
    }

    public long count() {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("select count(i) from ZunImageEntity i",
                Long.class).getSingleResult());
    }

    public void clear() {
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("delete from ZunImageEntity").executeUpdate());
    }
}
