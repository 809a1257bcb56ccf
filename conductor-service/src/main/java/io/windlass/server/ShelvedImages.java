package io.windlass.server;

import io.windlass.image.ImageStatus;
import io.windlass.image.persistence.ImageEntity;
import io.windlass.server.persistence.ServerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * The image a shelved server was committed to, once the server runs again: Nova deletes it then
 * ({@code _delete_snapshot_of_shelved_instance}), so it leaves the catalogue. Its bytes stay on the
 * host: the engine container of an offloaded server that was unshelved runs from them.
 */
@ApplicationScoped
public class ShelvedImages {
    private final EntityManager em;

    public ShelvedImages(EntityManager em) {
        this.em = em;
    }

    /** In the transaction that makes the server active again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void unshelved(ServerEntity server) {
        ImageEntity image = em.find(ImageEntity.class, server.shelvedImageId);
        if (image != null && image.status != ImageStatus.DELETED) {
            image.status = ImageStatus.DELETED;
            image.updatedAt = Instant.now();
        }
        server.shelvedImageId = null;
        server.shelvedImage = null;
        server.shelvedAt = null;
    }
}
