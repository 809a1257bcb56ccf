package io.windlass.image;

import io.windlass.image.persistence.ImageEntity;
import io.windlass.image.persistence.ImageFileStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * An image Windlass made for a workload's own use (a shelved server's, the one a moving server's
 * disk travels in) leaves the catalogue once that use is over, as Nova deletes such images: the row
 * stays {@code deleted} and its stored bytes go. The hosts' copies are the callers' to remove.
 */
@ApplicationScoped
public class UnneededImages {
    private final ImageFileStore store;

    public UnneededImages(ImageFileStore store) {
        this.store = store;
    }

    /**
     * In the caller's transaction, with the row locked or fresh.
     *
     * @return whether it was deleted now; one already deleted, or that its owner protected, stays as it
     *         is (Glance refuses the delete of a protected image, and Nova carries on all the same)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean delete(ImageEntity image) {
        if (image == null || image.status == ImageStatus.DELETED || image.protectedImage) {
            return false;
        }
        image.markDeleted(store);
        return true;
    }
}
