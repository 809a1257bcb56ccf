package io.windlass.image.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.api.error.ApiException;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.context.RequestContext;
import io.windlass.image.ImageStatus;
import io.windlass.image.catalog.ImageCatalog;
import io.windlass.image.persistence.ImageEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.UUID;

/**
 * Glance's image update ({@code PATCH /v2/images/{id}}): the attributes a creator may set, changed
 * on an image Windlass made or took, by its project's members or an admin. The request's checks
 * (operations, paths, the values against the create schema) are done; what is left here is who
 * may, and Glance's rules of state: the formats change only while the image is {@code queued}.
 */
@ApplicationScoped
public class ImageUpdates {
    private static final Logger LOG = Logger.getLogger(ImageUpdates.class);

    private final EntityManager em;
    private final ImageCatalog catalog;

    public ImageUpdates(EntityManager em, ImageCatalog catalog) {
        this.em = em;
        this.catalog = catalog;
    }

    /**
     * The image's settable attributes after the patch, as the request worked them out.
     *
     * @param formatsChanged whether the patch touched {@code container_format} or {@code disk_format}
     */
    public record Update(ImageUploads.Creation after, boolean formatsChanged) {
    }

    /** The image's settable attributes now, for the request to patch. */
    public ImageUploads.Creation current(RequestContext caller, String id) {
        // a transaction of its own: the row read here must not linger as the request's view of it
        return QuarkusTransaction.requiringNew().call(() -> {
            ImageEntity image = editable(caller, id, false);
            return new ImageUploads.Creation(image.id, image.name, image.visibility, image.owner,
                    image.containerFormat, image.diskFormat, image.minRam, image.minDisk, new ArrayList<>(image.tags),
                    new HashMap<>(image.properties), image.protectedImage);
        });
    }

    public void update(RequestContext caller, String id, Update update) {
        ImageUploads.Creation after = update.after();
        QuarkusTransaction.requiringNew().run(() -> {
            ImageEntity image = editable(caller, id, true);
            // only making an image public is an admin's; a public image's project may still change the rest
            if (!"public".equals(image.visibility) && "public".equals(after.visibility()) && !caller.isAdmin()) {
                throw new ApiException(403, "Forbidden", "You are not authorized to complete publicize_image action.");
            }
            if (update.formatsChanged() && image.status != ImageStatus.QUEUED) {
                throw new ApiException(403, "Forbidden", "Attribute container_format can be only replaced for a "
                        + "queued image.");
            }
            if (after.owner() == null) {
                // Glance's schema admits a null owner; Windlass's images always belong to a project
                throw new InvalidInputException("BadRequest", "Every image here has an owner; it cannot be null.");
            }
            if (!after.owner().equals(image.owner) && !caller.isAdmin()) {
                throw new ApiException(403, "Forbidden", "Owner can't be updated by non admin.");
            }
            image.owner = after.owner();
            image.protectedImage = after.protectedImage();
            image.name = after.name();
            image.visibility = after.visibility();
            image.containerFormat = after.containerFormat();
            image.diskFormat = after.diskFormat();
            image.minRam = after.minRam();
            image.minDisk = after.minDisk();
            image.tags = new ArrayList<>(after.tags());
            image.properties = new HashMap<>(after.properties());
            image.updatedAt = Instant.now();
        });
        LOG.infof("image %s updated by %s", id, caller.userId());
    }

    private ImageEntity editable(RequestContext caller, String id, boolean lock) {
        UUID uuid = MadeImages.parse(id);
        ImageEntity image = uuid == null ? null
                : em.find(ImageEntity.class, uuid, lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE);
        if (image == null || image.status == ImageStatus.DELETED || !catalog.visible(caller, image)) {
            throw new ResourceNotFoundException("ImageNotFound", "No image found with ID " + id);
        }
        if (!caller.isAdmin() && !image.owner.equals(caller.projectId())) {
            throw new ApiException(403, "Forbidden", "You are not authorized to complete modify_image action.");
        }
        return image;
    }
}
