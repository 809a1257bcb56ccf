package io.windlass.conductor.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.image.CommitWorkload;
import io.windlass.image.ImageStatus;
import io.windlass.image.persistence.ImageEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Image rows as the api-service writes them when it accepts a snapshot, backup or shelve of a server. */
@ApplicationScoped
public class ImageRows {
    private final EntityManager em;

    public ImageRows(EntityManager em) {
        this.em = em;
    }

    /** A {@code saving} image of {@code server}, owned by project {@code p1}, under its own reference. */
    public UUID saving(UUID server, String name, Map<String, String> properties, Instant created) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            ImageEntity i = new ImageEntity();
            i.id = id;
            i.name = name;
            i.reference = ImageEntity.referenceOf(id);
            i.status = ImageStatus.SAVING;
            i.owner = "p1";
            i.sourceKind = CommitWorkload.SERVER;
            i.sourceUuid = server;
            i.properties = new HashMap<>(properties);
            i.createdAt = created;
            i.updatedAt = created;
            em.persist(i);
        });
        return id;
    }

    public ImageEntity get(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(ImageEntity.class, id));
    }
}
