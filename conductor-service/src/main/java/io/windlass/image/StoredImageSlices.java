package io.windlass.image;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.context.RequestContext;
import io.windlass.image.persistence.ImageEntity;
import io.windlass.image.persistence.ImageFileStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The image store's slices on the conductor's topic. {@code image_data}: the slices of a stored
 * image's bytes (an upload, or a shelved server's archive) that a host reads before it runs the
 * image; only an active image with complete bytes is served, anything else (deleted meanwhile,
 * never uploaded, not stored) is refused, and the host fails its build with that reason.
 * {@code store_image_data}: the slices a host pushes of an image it holds, appended in order, each
 * in a transaction of its own, so that a push broken off (a host or conductor gone) is begun again
 * from offset 0 and a redelivered slice changes nothing.
 */
@ApplicationScoped
public class StoredImageSlices {
    private static final Logger LOG = Logger.getLogger(StoredImageSlices.class);
    /** The largest slice one reply carries: 4 MiB, 5.3 MiB of base64 in the message. */
    static final int MAX_SLICE = 4 * 1024 * 1024;

    private final EntityManager em;
    private final ImageFileStore store;

    public StoredImageSlices(EntityManager em, ImageFileStore store) {
        this.em = em;
        this.store = store;
    }

    public ImageData slice(RequestContext ctx, ImageDataRequest request) {
        UUID id = UUID.fromString(request.imageId());
        int length = Math.clamp(request.length(), 0, MAX_SLICE);
        return QuarkusTransaction.requiringNew().call(() -> {
            ImageEntity image = em.find(ImageEntity.class, id);
            if (image == null || image.status != ImageStatus.ACTIVE || !image.stored()) {
                throw new IllegalStateException("Image " + id + " has no uploaded data to run (it is "
                        + (image == null ? "gone" : image.status.value()) + ")");
            }
            byte[] data = request.offset() >= image.dataSize ? new byte[0]
                    : store.read(image.data, request.offset(), length);
            return new ImageData(image.dataSize, image.checksum, data);
        });
    }

    public ImageDataStored write(RequestContext ctx, ImageDataWrite write) {
        UUID id = UUID.fromString(write.imageId());
        return QuarkusTransaction.requiringNew().call(() -> {
            ImageEntity image = em.find(ImageEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (image == null || image.status != ImageStatus.ACTIVE) {
                throw new IllegalStateException("Image " + id + " is not active (it is "
                        + (image == null ? "gone" : image.status.value()) + "); its bytes are not stored");
            }
            if (image.stored()) {
                return new ImageDataStored(true);
            }
            if (write.offset() == 0) {
                if (image.data != null) {
                    store.remove(image.data);
                }
                image.data = store.create();
            } else if (image.data == null) {
                throw new IllegalStateException("Image " + id + ": a slice at " + write.offset()
                        + " before any at 0");
            }
            long have = store.size(image.data);
            // offset 0 began the bytes anew above; past it, a slice already in them is a redelivery
            if (write.offset() > 0 && write.offset() + write.data().length <= have) {
                return new ImageDataStored(false); // written before: a redelivery
            }
            if (write.offset() != have) {
                throw new IllegalStateException("Image " + id + ": a slice at " + write.offset() + ", the bytes end at "
                        + have);
            }
            store.append(image.data, write.data());
            if (!write.last()) {
                return new ImageDataStored(false);
            }
            String md5 = md5(image.data);
            if (!md5.equals(write.md5())) {
                // the slices are not what the host read: begun again from 0, they may be
                throw new IllegalStateException("Image " + id + ": the stored bytes have md5 " + md5 + ", the host "
                        + "sent " + write.md5());
            }
            image.dataSize = have + write.data().length;
            image.checksum = md5;
            LOG.infof("image %s stored: %d bytes, md5 %s", id, image.dataSize, image.checksum);
            return new ImageDataStored(true);
        });
    }

    private String md5(long oid) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            store.copy(oid, new DigestOutputStream(OutputStream.nullOutputStream(), md5));
            return HexFormat.of().formatHex(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
