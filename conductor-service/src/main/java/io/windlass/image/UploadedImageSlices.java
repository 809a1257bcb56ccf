package io.windlass.image;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.context.RequestContext;
import io.windlass.image.persistence.ImageEntity;
import io.windlass.image.persistence.ImageFileStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.UUID;

/**
 * {@code image_data}: the slices of an uploaded image's bytes that a host reads before it runs the
 * image. Only an active image with bytes is served; anything else (deleted meanwhile, never
 * uploaded, made from a workload) is refused, and the host fails its build with that reason.
 */
@ApplicationScoped
public class UploadedImageSlices {
    /** The largest slice one reply carries: 4 MiB, 5.3 MiB of base64 in the message. */
    static final int MAX_SLICE = 4 * 1024 * 1024;

    private final EntityManager em;
    private final ImageFileStore store;

    public UploadedImageSlices(EntityManager em, ImageFileStore store) {
        this.em = em;
        this.store = store;
    }

    public ImageData slice(RequestContext ctx, ImageDataRequest request) {
        UUID id = UUID.fromString(request.imageId());
        int length = Math.clamp(request.length(), 0, MAX_SLICE);
        return QuarkusTransaction.requiringNew().call(() -> {
            ImageEntity image = em.find(ImageEntity.class, id);
            if (image == null || image.status != ImageStatus.ACTIVE || image.data == null) {
                throw new IllegalStateException("Image " + id + " has no uploaded data to run (it is "
                        + (image == null ? "gone" : image.status.value()) + ")");
            }
            byte[] data = request.offset() >= image.size ? new byte[0]
                    : store.read(image.data, request.offset(), length);
            return new ImageData(image.size, image.checksum, data);
        });
    }
}
