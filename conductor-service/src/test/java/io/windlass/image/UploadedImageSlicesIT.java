package io.windlass.image;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.image.persistence.ImageEntity;
import io.windlass.image.persistence.ImageFileStore;
import io.windlass.rpc.RemoteException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code image_data} through the conductor's real topic, the bytes in a real PostgreSQL large
 * object: slices in order add up to the upload with its size and checksum, no slice is larger than
 * the conductor allows, and an image with no bytes to run is refused in words the host can report.
 */
@QuarkusTest
class UploadedImageSlicesIT {
    private final RequestContext ctx = RequestContext.internal("conductor-it");

    @Inject
    ConductorRpcApi conductor;
    @Inject
    EntityManager em;
    @Inject
    ImageFileStore store;

    @Test
    void slicesAddUpToTheUpload() {
        byte[] bytes = new byte[UploadedImageSlices.MAX_SLICE + 12345];
        new Random(3).nextBytes(bytes);
        UUID id = uploaded(bytes);
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        ImageData slice;
        int slices = 0;
        do {
            // a host asking for more than a slice gets one slice
            slice = conductor.imageData(ctx, new ImageDataRequest(id.toString(), read.size(), Integer.MAX_VALUE));
            assertTrue(slice.data().length <= UploadedImageSlices.MAX_SLICE);
            assertEquals(bytes.length, slice.size());
            read.writeBytes(slice.data());
            slices++;
        } while (slice.data().length > 0);
        assertArrayEquals(bytes, read.toByteArray());
        assertEquals(3, slices, "two slices and the empty one past the end");
        assertEquals(row(id).checksum, slice.checksum());

        QuarkusTransaction.requiringNew().run(() -> {
            ImageEntity image = em.find(ImageEntity.class, id);
            image.status = ImageStatus.DELETED;
            store.remove(image.data);
            image.data = null;
        });
        RemoteException gone = assertThrows(RemoteException.class,
                () -> conductor.imageData(ctx, new ImageDataRequest(id.toString(), 0, 1024)));
        assertTrue(gone.getMessage().contains("Image " + id + " has no uploaded data to run (it is deleted)"),
                gone.getMessage());
    }

    private UUID uploaded(byte[] bytes) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            ImageFileStore.Stored stored = store.write(new ByteArrayInputStream(bytes));
            ImageEntity image = new ImageEntity();
            image.id = id;
            image.name = "slices";
            image.reference = ImageEntity.referenceOf(id);
            image.status = ImageStatus.ACTIVE;
            image.owner = "p";
            image.sourceKind = ImageEntity.FROM_UPLOAD;
            image.containerFormat = "docker";
            image.diskFormat = "raw";
            image.data = stored.oid();
            image.size = stored.size();
            image.checksum = stored.md5();
            image.osHashValue = stored.sha512();
            image.createdAt = Instant.now();
            image.updatedAt = image.createdAt;
            em.persist(image);
        });
        return id;
    }

    private ImageEntity row(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(ImageEntity.class, id));
    }
}
