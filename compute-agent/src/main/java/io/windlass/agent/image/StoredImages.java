package io.windlass.agent.image;

import io.windlass.agent.container.ContainerDriver;
import io.windlass.agent.driver.DriverException;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.image.ImageData;
import io.windlass.image.ImageDataRequest;
import io.windlass.image.ImageDataStored;
import io.windlass.image.ImageDataWrite;
import io.windlass.image.StoreImage;
import io.windlass.rpc.RpcEndpoint;
import io.windlass.rpc.RpcException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * This host's side of the image store. {@link #ensure}: a stored image (Glance's upload, a shelved
 * server's image) onto this host before a workload runs it: its bytes live in the database, not on
 * any host, so a host that is to run one and lacks it reads them from the conductor
 * ({@code image_data}, slice by slice) and loads them into its engine. The bytes are checked against
 * the stored size and md5 as they pass; a host loads each image once, however many builds ask for
 * it at the same time. {@link #store}: an image this host holds, pushed into the store
 * ({@code store_image}: its archive, slice by slice, to {@code store_image_data}).
 */
public final class StoredImages {
    private static final Logger LOG = Logger.getLogger(StoredImages.class);
    /** {@code windlass-image/<id>:latest}: an image Windlass made or took, named by its id. */
    private static final Pattern REFERENCE = Pattern.compile("windlass-image/([0-9a-f-]{36})(:latest)?");
    static final int SLICE = 4 * 1024 * 1024;

    private final ContainerDriver driver;
    private final ConductorRpcApi conductor;
    private final ConcurrentHashMap<String, ReentrantLock> loading = new ConcurrentHashMap<>();

    public StoredImages(ContainerDriver driver, ConductorRpcApi conductor) {
        this.driver = driver;
        this.conductor = conductor;
    }

    public RpcEndpoint register(RpcEndpoint endpoint) {
        return endpoint.on(ComputeRpcApi.STORE_IMAGE, (ctx, request) -> {
            store(ctx, request);
            return null;
        });
    }

    /**
     * Pushes the image's archive ({@code docker save}) into the store, a slice per call, the md5 of
     * the whole with the last. A failure is logged and ends the push: the image then stays on this
     * host only, and the conductor's next push begins again from the start.
     */
    void store(RequestContext ctx, StoreImage request) {
        MessageDigest md5 = md5();
        long offset = 0;
        try (InputStream archive = driver.saveImage(request.reference())) {
            byte[] buffer = new byte[SLICE];
            while (true) {
                int n = archive.readNBytes(buffer, 0, SLICE);
                boolean last = n < SLICE;
                md5.update(buffer, 0, n);
                ImageDataStored stored = conductor.storeImageData(ctx, new ImageDataWrite(request.imageId(), offset,
                        Arrays.copyOf(buffer, n), last, last ? HexFormat.of().formatHex(md5.digest()) : null));
                offset += n;
                if (last || stored.complete()) {
                    break;
                }
            }
            LOG.infof("image %s (%s) stored: %d bytes", request.imageId(), request.reference(), offset);
        } catch (IOException | DriverException | RpcException e) {
            LOG.warnf("image %s (%s) stays on this host only: its store broke off at %d bytes: %s",
                    request.imageId(), request.reference(), offset, e.getMessage());
        }
    }

    /**
     * Makes sure the host holds {@code image} when it names an image by id and is missing; any other
     * image is the driver's to find (or pull) as before.
     *
     * @throws io.windlass.agent.driver.ImageUnavailableException when its bytes cannot be read or loaded
     */
    public void ensure(RequestContext ctx, String image) {
        Matcher named = REFERENCE.matcher(image);
        if (!named.matches()) {
            return;
        }
        String reference = "windlass-image/" + named.group(1) + ":latest";
        if (driver.hasImage(reference)) {
            return;
        }
        ReentrantLock lock = loading.computeIfAbsent(reference, r -> new ReentrantLock());
        lock.lock();
        try {
            if (!driver.hasImage(reference)) {
                LOG.infof("image %s is not on this host: reading it from the image store", reference);
                driver.loadImage(new Slices(ctx, named.group(1)), reference);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The image's bytes, read a slice at a time as the engine takes them, and checked at their end. */
    private final class Slices extends InputStream {
        private final RequestContext ctx;
        private final String id;
        private final MessageDigest md5;
        private byte[] slice = new byte[0];
        private int at;
        private long offset;
        private long size = -1;
        private String checksum;

        Slices(RequestContext ctx, String id) {
            this.ctx = ctx;
            this.id = id;
            this.md5 = md5();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int from, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (at == slice.length && !next()) {
                return -1;
            }
            int n = Math.min(length, slice.length - at);
            System.arraycopy(slice, at, buffer, from, n);
            at += n;
            return n;
        }

        /** The next slice; false at the end, once the whole is checked. */
        private boolean next() throws IOException {
            if (size >= 0 && offset >= size) {
                String got = HexFormat.of().formatHex(md5.digest());
                if (!got.equals(checksum)) {
                    throw new IOException("image " + id + " read with md5 " + got + ", uploaded with " + checksum);
                }
                return false;
            }
            ImageData data;
            try {
                data = conductor.imageData(ctx, new ImageDataRequest(id, offset, SLICE));
            } catch (RpcException e) {
                throw new IOException(e.getMessage(), e);
            }
            if (size >= 0 && (data.size() != size || !data.checksum().equals(checksum))) {
                throw new IOException("image " + id + " changed while it was read");
            }
            size = data.size();
            checksum = data.checksum();
            if (data.data().length == 0 && offset < size) {
                throw new IOException("image " + id + " ended at " + offset + " of " + size + " bytes");
            }
            slice = data.data();
            at = 0;
            offset += slice.length;
            md5.update(slice);
            return slice.length > 0 || next();
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
