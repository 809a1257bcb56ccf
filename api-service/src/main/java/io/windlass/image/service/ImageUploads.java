package io.windlass.image.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.api.error.ApiException;
import io.windlass.api.error.ConflictException;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.context.RequestContext;
import io.windlass.image.ImageStatus;
import io.windlass.image.catalog.ImageCatalog;
import io.windlass.image.persistence.ImageEntity;
import io.windlass.image.persistence.ImageFileStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import org.jboss.logging.Logger;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Glance's image create, upload and download: {@code POST /v2/images} writes a {@code queued} row,
 * {@code PUT /v2/images/{id}/file} stores its bytes ({@link ImageFileStore}) and makes it
 * {@code active} in one transaction, {@code GET /v2/images/{id}/file} reads them back. Each image
 * takes one upload, as in Glance; a failed one leaves it {@code queued} for another try.
 */
@ApplicationScoped
public class ImageUploads {
    private static final Logger LOG = Logger.getLogger(ImageUploads.class);

    private final EntityManager em;
    private final ImageFileStore store;
    private final ImageUploadConfig config;
    private final ImageCatalog catalog;

    public ImageUploads(EntityManager em, ImageFileStore store, ImageUploadConfig config, ImageCatalog catalog) {
        this.catalog = catalog;
        this.em = em;
        this.store = store;
        this.config = config;
    }

    /**
     * What the creator asked for; the request's own checks (formats, lengths) are done.
     *
     * @param id         the id asked for, or null for a new one
     * @param owner      the owner asked for, or null for the caller's project
     * @param properties Glance's additional properties
     * @param protectedImage Glance's {@code protected}: whether the image refuses to be deleted
     */
    public record Creation(UUID id, String name, String visibility, String owner, String containerFormat,
                           String diskFormat, int minRam, int minDisk, List<String> tags,
                           Map<String, String> properties, boolean protectedImage) {
    }

    /** Glance's {@code add_image}: the row, {@code queued}, owned by the caller's project unless an admin says otherwise. */
    public ImageEntity create(RequestContext caller, Creation creation) {
        String owner = creation.owner() == null ? caller.projectId() : creation.owner();
        if (!caller.isAdmin() && !owner.equals(caller.projectId())) {
            throw new ApiException(403, "Forbidden", "You are not permitted to create images owned by '" + owner
                    + "'.");
        }
        if ("public".equals(creation.visibility()) && !caller.isAdmin()) {
            throw new ApiException(403, "Forbidden", "You are not authorized to complete publicize_image action.");
        }
        ImageEntity image = QuarkusTransaction.requiringNew().call(() -> {
            UUID id = creation.id() == null ? UUID.randomUUID() : creation.id();
            if (em.find(ImageEntity.class, id) != null) {
                throw new ConflictException("Conflict", "An image with identifier " + id + " already exists");
            }
            ImageEntity row = new ImageEntity();
            row.id = id;
            row.name = creation.name();
            row.reference = ImageEntity.referenceOf(id);
            row.status = ImageStatus.QUEUED;
            row.owner = owner;
            row.visibility = creation.visibility() == null ? "shared" : creation.visibility();
            row.sourceKind = ImageEntity.FROM_UPLOAD;
            row.containerFormat = creation.containerFormat();
            row.diskFormat = creation.diskFormat();
            row.minRam = creation.minRam();
            row.minDisk = creation.minDisk();
            row.tags = new ArrayList<>(creation.tags());
            row.properties = new HashMap<>(creation.properties());
            row.protectedImage = creation.protectedImage();
            row.createdAt = Instant.now();
            row.updatedAt = row.createdAt;
            em.persist(row);
            try {
                em.flush();
            } catch (PersistenceException e) {
                // another create of the same id committed between the look and the insert
                throw new ConflictException("Conflict", "An image with identifier " + id + " already exists");
            }
            return row;
        });
        LOG.infof("image %s (%s) created by %s in project %s", image.id, image.name, caller.userId(), owner);
        return image;
    }

    /**
     * Glance's {@code upload}: the data of a {@code queued} image, stored and made {@code active} at
     * once. Only the owner (or an admin) uploads; anyone else who may see the image is refused.
     */
    public void upload(RequestContext caller, String id, InputStream data) {
        UUID uuid = MadeImages.parse(id);
        ImageEntity done = QuarkusTransaction.requiringNew().timeout((int) config.timeout().toSeconds()).call(() -> {
            ImageEntity image = uploadable(caller, uuid, id);
            ImageFileStore.Stored stored = stored(data);
            image.data = stored.oid();
            image.size = stored.size();
            image.dataSize = stored.size();
            image.checksum = stored.md5();
            image.osHashValue = stored.sha512();
            image.status = ImageStatus.ACTIVE;
            image.updatedAt = Instant.now();
            return image;
        });
        LOG.infof("image %s uploaded by %s: %d bytes, md5 %s", done.id, caller.userId(), done.size, done.checksum);
    }

    /**
     * Glance's {@code download}: the bytes of an image the caller may see, with their checksum;
     * empty when it has none (not uploaded, or made from a workload and not stored).
     */
    public Optional<Download> download(RequestContext caller, String id) {
        UUID uuid = MadeImages.parse(id);
        ImageEntity image = uuid == null ? null : em.find(ImageEntity.class, uuid);
        if (image == null || image.status == ImageStatus.DELETED || !catalog.visible(caller, image)) {
            throw notFound(id);
        }
        if (image.status == ImageStatus.DEACTIVATED && !caller.isAdmin()) {
            throw new ApiException(403, "Forbidden", "The requested image has been deactivated. Image data download "
                    + "is forbidden.");
        }
        return image.stored() ? Optional.of(new Download(image.dataSize, image.checksum, image.data))
                : Optional.empty();
    }

    /** The bytes of one image, read in a transaction of their own while the answer is written. */
    public record Download(long size, String checksum, long oid) {
    }

    /**
     * Copies a download's bytes to {@code out}.
     *
     * @throws UncheckedIOException when the reader went away
     */
    public void write(Download download, OutputStream out) {
        try {
            QuarkusTransaction.requiringNew().timeout((int) config.timeout().toSeconds())
                    .run(() -> store.copy(download.oid(), out));
        } catch (ImageFileStore.StoreException e) {
            throw unavailable(e);
        }
    }

    /** The uploader's side failing (gone, or a malformed chunk) is the request's fault, not the store's. */
    private ImageFileStore.Stored stored(InputStream data) {
        try {
            return store.write(data);
        } catch (UncheckedIOException e) {
            throw InvalidInputException.badRequest("The image data could not be read: " + e.getCause().getMessage());
        } catch (ImageFileStore.StoreException e) {
            throw unavailable(e);
        }
    }

    private static ApiException unavailable(ImageFileStore.StoreException e) {
        LOG.errorf("image store: %s", e.getMessage());
        return new ApiException(503, "ServiceUnavailable", "The image store is unavailable; try again later.");
    }

    private ImageEntity uploadable(RequestContext caller, UUID uuid, String id) {
        ImageEntity image = uuid == null ? null : em.find(ImageEntity.class, uuid, LockModeType.PESSIMISTIC_WRITE);
        if (image == null || image.status == ImageStatus.DELETED || !catalog.visible(caller, image)) {
            throw notFound(id);
        }
        if (!caller.isAdmin() && !image.owner.equals(caller.projectId())) {
            throw new ApiException(403, "Forbidden", "You are not authorized to complete upload_image action.");
        }
        if (image.status != ImageStatus.QUEUED) {
            throw new ConflictException("Conflict", "Image status transition from " + image.status.value()
                    + " to saving is not allowed");
        }
        return image;
    }

    private static ResourceNotFoundException notFound(String id) {
        return new ResourceNotFoundException("ImageNotFound", "No image found with ID " + id);
    }
}
