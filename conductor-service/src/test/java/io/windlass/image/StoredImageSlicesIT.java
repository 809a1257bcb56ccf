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
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The image store's slices through the conductor's real topic, the bytes in a real PostgreSQL large
 * object. {@code image_data}: slices in order add up to the upload with its size and checksum, no
 * slice is larger than the conductor allows, and an image with no bytes to run is refused in words
 * the host can report. {@code store_image_data}: a host's push is appended in order, a redelivered
 * slice changes nothing, and the bytes are stored only when their md5 is the host's.
 */
@QuarkusTest
class StoredImageSlicesIT {
    private final RequestContext ctx = RequestContext.internal("conductor-it");

    @Inject
    ConductorRpcApi conductor;
    @Inject
    EntityManager em;
    @Inject
    ImageFileStore store;

    @Test
    void slicesAddUpToTheUpload() {
        byte[] bytes = new byte[StoredImageSlices.MAX_SLICE + 12345];
        new Random(3).nextBytes(bytes);
        UUID id = uploaded(bytes);
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        ImageData slice;
        int slices = 0;
        do {
            // a host asking for more than a slice gets one slice
            slice = conductor.imageData(ctx, new ImageDataRequest(id.toString(), read.size(), Integer.MAX_VALUE));
            assertTrue(slice.data().length <= StoredImageSlices.MAX_SLICE);
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

    @Test
    void aHostsPushIsAppendedInOrderAndStoredOnceItsMd5Matches() throws Exception {
        UUID id = activeImage(image -> {
            image.sourceKind = ImageEntity.FROM_SERVER;
            image.sourceUuid = UUID.randomUUID();
            image.host = "h1";
            image.size = 999L;
        });
        byte[] a = "first slice ".getBytes();
        byte[] b = "second slice ".getBytes();
        byte[] c = "last".getBytes();
        String whole = md5(a, b, c);
        String image = id.toString();
        assertFalse(conductor.storeImageData(ctx, new ImageDataWrite(image, 0, a, false, null)).complete());
        assertFalse(conductor.storeImageData(ctx, new ImageDataWrite(image, a.length, b, false, null)).complete());
        // a redelivered slice changes nothing
        assertFalse(conductor.storeImageData(ctx, new ImageDataWrite(image, a.length, b, false, null)).complete());
        // a gap is refused
        assertThrows(RemoteException.class, () -> conductor.storeImageData(ctx,
                new ImageDataWrite(image, a.length + b.length + 5, c, true, whole)));
        // bytes that are not what the host read are not stored
        RemoteException differs = assertThrows(RemoteException.class, () -> conductor.storeImageData(ctx,
                new ImageDataWrite(image, a.length + b.length, c, true, md5(a))));
        assertTrue(differs.getMessage().contains("the stored bytes have md5"), differs.getMessage());
        assertThrows(RemoteException.class, () -> conductor.imageData(ctx, new ImageDataRequest(image, 0, 1024)),
                "nothing to read until the push ends");

        // begun again from 0 it ends well
        conductor.storeImageData(ctx, new ImageDataWrite(image, 0, a, false, null));
        conductor.storeImageData(ctx, new ImageDataWrite(image, a.length, b, false, null));
        assertTrue(conductor.storeImageData(ctx, new ImageDataWrite(image, a.length + b.length, c, true, whole))
                .complete());
        ImageData read = conductor.imageData(ctx, new ImageDataRequest(image, 0, 1024));
        assertEquals("first slice second slice last", new String(read.data()));
        assertEquals(whole, read.checksum());
        assertEquals(999L, row(id).size, "the engine's measure stays the image's size");
        assertEquals(a.length + b.length + c.length, row(id).dataSize);
        // stored: another push is told so at once
        assertTrue(conductor.storeImageData(ctx, new ImageDataWrite(image, 0, a, false, null)).complete());
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from pg_largeobject_metadata where oid = ?1").setParameter(1, row(id).data)
                .getSingleResult()).longValue()));
    }

    private static String md5(byte[]... parts) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        for (byte[] part : parts) {
            md5.update(part);
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    private UUID uploaded(byte[] bytes) {
        return activeImage(image -> {
            ImageFileStore.Stored stored = store.write(new ByteArrayInputStream(bytes));
            image.sourceKind = ImageEntity.FROM_UPLOAD;
            image.containerFormat = "docker";
            image.diskFormat = "raw";
            image.data = stored.oid();
            image.size = stored.size();
            image.dataSize = stored.size();
            image.checksum = stored.md5();
            image.osHashValue = stored.sha512();
        });
    }

    /** An active image's row, as {@code kind} makes it an upload or a workload's. */
    private UUID activeImage(Consumer<ImageEntity> kind) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            ImageEntity image = new ImageEntity();
            image.id = id;
            image.name = "image-" + id;
            image.reference = ImageEntity.referenceOf(id);
            image.status = ImageStatus.ACTIVE;
            image.owner = "p";
            image.createdAt = Instant.now();
            image.updatedAt = image.createdAt;
            kind.accept(image);
            em.persist(image);
        });
        return id;
    }

    private ImageEntity row(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(ImageEntity.class, id));
    }
}
