package io.windlass.image.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.api.error.ApiException;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.image.ImageStatus;
import io.windlass.image.RemoveImage;
import io.windlass.image.catalog.ImageCatalog;
import io.windlass.image.persistence.ImageEntity;
import io.windlass.image.persistence.ImageFileStore;
import io.windlass.rpc.RpcException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The rows of the images Windlass makes from workloads ({@code images}): written {@code saving} in
 * the transaction that accepts a snapshot, backup or commit (the conductor ends them), and deleted
 * through Glance's {@code DELETE /v2/images/{id}} by their owner or an admin, which also asks the
 * host that holds the image to remove it. Uploaded images ({@link ImageUploads}) are deleted here too,
 * with their bytes.
 */
@ApplicationScoped
public class MadeImages {
    private static final Logger LOG = Logger.getLogger(MadeImages.class);

    private final EntityManager em;
    private final ComputeRpcApi compute;
    private final ImageFileStore store;
    private final ImageCatalog catalog;

    public MadeImages(EntityManager em, ComputeRpcApi compute, ImageFileStore store, ImageCatalog catalog) {
        this.catalog = catalog;
        this.em = em;
        this.compute = compute;
        this.store = store;
    }

    /**
     * What a new image is: made from which workload, under which name and engine reference.
     *
     * @param reference null: the image's own ({@link ImageEntity#referenceOf})
     */
    public record Plan(String sourceKind, UUID sourceUuid, String owner, String name, String reference,
                       Map<String, String> properties, int minDisk) {
    }

    /** Inserts the row as {@code saving}; the caller holds the transaction that also casts the snapshot. */
    public ImageEntity saving(Plan plan) {
        ImageEntity image = new ImageEntity();
        image.id = UUID.randomUUID();
        image.name = plan.name();
        image.reference = plan.reference() == null ? ImageEntity.referenceOf(image.id) : plan.reference();
        image.status = ImageStatus.SAVING;
        image.owner = plan.owner();
        image.sourceKind = plan.sourceKind();
        image.sourceUuid = plan.sourceUuid();
        image.properties = new HashMap<>(plan.properties());
        image.minDisk = plan.minDisk();
        image.createdAt = Instant.now();
        image.updatedAt = image.createdAt;
        em.persist(image);
        return image;
    }

    /**
     * Glance's image delete: the owner (a member of its project) or an admin; the row stays as
     * {@code deleted}. An image the hosts brought is not Windlass's to delete.
     */
    public void delete(RequestContext caller, String id) {
        UUID uuid = parse(id);
        ImageEntity deleted = QuarkusTransaction.requiringNew().call(() -> {
            ImageEntity image = uuid == null ? null : em.find(ImageEntity.class, uuid, LockModeType.PESSIMISTIC_WRITE);
            if (image == null || image.status == ImageStatus.DELETED || !catalog.visible(caller, image)) {
                return null;
            }
            if (!caller.isAdmin() && !image.owner.equals(caller.projectId())) {
                throw new ApiException(403, "Forbidden", "You are not authorized to complete delete_image action.");
            }
            if (image.protectedImage) {
                // glance.common.exception.ProtectedImageDelete, whoever asks, admins too
                throw new ApiException(403, "Forbidden", "Image " + id + " is protected and cannot be deleted.");
            }
            // its members go with it (V41's trigger on the status, whoever deletes an image)
            image.markDeleted(store);
            return image;
        });
        if (deleted == null) {
            throw new ResourceNotFoundException("ImageNotFound", "No image found with ID " + id);
        }
        LOG.infof("image %s (%s) deleted by %s", deleted.id, deleted.reference, caller.userId());
        removeFromHost(caller, deleted);
    }

    /**
     * A shelved server's image, deleted with the server as Nova deletes it; in the caller's transaction.
     * One its owner made protected stays: Glance refuses Nova's delete of it, and Nova goes on without.
     *
     * @return the row, for {@link #removeFromHost} once committed; null when it was gone already or is kept
     */
    public ImageEntity discard(UUID id) {
        ImageEntity image = em.find(ImageEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (image == null || image.status == ImageStatus.DELETED) {
            return null;
        }
        if (image.protectedImage) {
            LOG.infof("shelved image %s is protected; it stays", image.id);
            return null;
        }
        image.markDeleted(store);
        return image;
    }

    /** The image made under {@code id}, whatever its status; empty when there is none (or no id). */
    public Optional<ImageEntity> find(UUID id) {
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(ImageEntity.class, id));
    }

    /**
     * After the delete committed, the host that made the deleted image and every host that loaded it
     * from the image store (as their heartbeats report) are asked to remove it.
     */
    public void removeFromHost(RequestContext caller, ImageEntity deleted) {
        if (deleted == null) {
            return;
        }
        // the host that made it, and any that loaded it from the image store
        Set<String> holders = new TreeSet<>(hostsHolding(deleted.reference));
        if (deleted.host != null) {
            holders.add(deleted.host);
        }
        for (String host : holders) {
            try {
                compute.removeImage(host, caller, new RemoveImage(deleted.reference));
            } catch (RpcException e) {
                // the row is deleted, so the catalogue no longer shows it; only the host's bytes stay
                LOG.warnf("image %s deleted, but host %s was not told to remove %s: %s", deleted.id, host,
                        deleted.reference, e.getMessage());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> hostsHolding(String reference) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT host FROM compute_hosts WHERE jsonb_exists(images, ?1) ORDER BY host")
                .setParameter(1, reference).getResultList());
    }

    /** An image id as the API takes it; null for what is no uuid (no image has such an id). */
    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
