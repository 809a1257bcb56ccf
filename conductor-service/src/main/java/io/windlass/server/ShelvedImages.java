package io.windlass.server;

import io.windlass.image.UnneededImages;
import io.windlass.image.persistence.ImageEntity;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.workload.LeftoverImage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Optional;

/**
 * The image a shelved server was committed to, once the server runs again: Nova deletes it then
 * ({@code _delete_snapshot_of_shelved_instance}), so it leaves the catalogue. A server unshelved
 * where it was shelved runs from its own engine container, so its host may remove the image's
 * bytes; a server spawned from the image after an offload runs from them, and the host removes them
 * with that container (when it was spawned on another host, from the image store, the image's own
 * host removes its copy now). The stored bytes go either way.
 */
@ApplicationScoped
public class ShelvedImages {
    private final EntityManager em;
    private final UnneededImages images;

    public ShelvedImages(EntityManager em, UnneededImages images) {
        this.em = em;
        this.images = images;
    }

    /**
     * In the transaction that makes the server active again.
     *
     * @param runsFromIt whether the server's engine container was spawned from the image (an unshelve after an
     *                   offload)
     * @return the image's bytes on its host when nothing runs from them
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<LeftoverImage> unshelved(ServerEntity server, boolean runsFromIt) {
        ImageEntity image = em.find(ImageEntity.class, server.shelvedImageId);
        Optional<LeftoverImage> leftover = Optional.empty();
        // spawned on another host (from the store), the image's own host runs nothing from it
        if (images.delete(image) && image.host != null && (!runsFromIt || !image.host.equals(server.host))) {
            leftover = Optional.of(new LeftoverImage(image.host, image.reference));
        }
        server.shelvedImageId = null;
        server.shelvedImage = null;
        server.shelvedAt = null;
        return leftover;
    }
}
