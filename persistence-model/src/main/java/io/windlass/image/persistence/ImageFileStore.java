package io.windlass.image.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.postgresql.PGConnection;
import org.postgresql.largeobject.LargeObject;
import org.postgresql.largeobject.LargeObjectManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * The bytes of uploaded images ({@code images.data}), as PostgreSQL large objects: every api-service
 * replica and conductor reads the same bytes, and nothing outside the database needs backing up.
 * Every call must run inside the caller's transaction: the pool hands out the connection enlisted in
 * it, and a large object, like a row, is only there for others once that transaction commits (an
 * upload that fails half-way leaves no bytes behind).
 */
@ApplicationScoped
public class ImageFileStore {
    private static final int BUFFER = 256 * 1024;

    private final AgroalDataSource dataSource;

    public ImageFileStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The database failed under a store operation; the caller's transaction is lost with it. */
    public static final class StoreException extends RuntimeException {
        StoreException(Exception cause) {
            super("The image store failed: " + cause.getMessage(), cause);
        }
    }

    /**
     * What a write stored.
     *
     * @param oid    the large object
     * @param md5    Glance's {@code checksum}, hex
     * @param sha512 Glance's {@code os_hash_value}, hex
     */
    public record Stored(long oid, long size, String md5, String sha512) {
    }

    /**
     * Copies {@code data} to its end into a new large object, digesting it on the way. An exception
     * from reading {@code data} passes through as it is: the uploader's, not the store's.
     */
    public Stored write(InputStream data) {
        MessageDigest md5 = digest("MD5");
        MessageDigest sha512 = digest("SHA-512");
        return withObjects(objects -> {
            long oid = objects.createLO(LargeObjectManager.READWRITE);
            long size = 0;
            try (LargeObject object = objects.open(oid, LargeObjectManager.WRITE);
                 OutputStream out = object.getOutputStream()) {
                byte[] buffer = new byte[BUFFER];
                for (int n; (n = read(data, buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    md5.update(buffer, 0, n);
                    sha512.update(buffer, 0, n);
                    size += n;
                }
            } catch (IOException e) {
                throw new StoreException(e);
            }
            HexFormat hex = HexFormat.of();
            return new Stored(oid, size, hex.formatHex(md5.digest()), hex.formatHex(sha512.digest()));
        });
    }

    /**
     * Copies the large object {@code oid} to {@code out}.
     *
     * @throws UncheckedIOException when {@code out} fails (the reader went away)
     */
    public void copy(long oid, OutputStream out) {
        withObjects(objects -> {
            try (LargeObject object = objects.open(oid, LargeObjectManager.READ)) {
                byte[] buffer = new byte[BUFFER];
                for (int n; (n = object.read(buffer, 0, buffer.length)) > 0; ) {
                    out.write(buffer, 0, n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    /** At most {@code length} bytes of {@code oid} from {@code offset}; fewer (or none) at its end. */
    public byte[] read(long oid, long offset, int length) {
        return withObjects(objects -> {
            try (LargeObject object = objects.open(oid, LargeObjectManager.READ)) {
                object.seek64(offset, LargeObject.SEEK_SET);
                return object.read(length);
            }
        });
    }

    /** A new, empty large object, for bytes that arrive in slices ({@link #append}). */
    public long create() {
        return withObjects(objects -> objects.createLO(LargeObjectManager.READWRITE));
    }

    /** How many bytes {@code oid} holds. */
    public long size(long oid) {
        return withObjects(objects -> {
            try (LargeObject object = objects.open(oid, LargeObjectManager.READ)) {
                return object.size64();
            }
        });
    }

    /** Writes {@code data} at the end of {@code oid}. */
    public void append(long oid, byte[] data) {
        withObjects(objects -> {
            try (LargeObject object = objects.open(oid, LargeObjectManager.WRITE)) {
                object.seek64(0, LargeObject.SEEK_END);
                object.write(data);
            }
            return null;
        });
    }

    /** Removes the large object; with the transaction that deletes the image's row. */
    public void remove(long oid) {
        withObjects(objects -> {
            objects.unlink(oid);
            return null;
        });
    }

    private <T> T withObjects(LargeObjectWork<T> work) {
        // the connection enlisted in the transaction: closing it here only hands it back to the transaction
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection.unwrap(PGConnection.class).getLargeObjectAPI());
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static int read(InputStream data, byte[] buffer) {
        try {
            return data.read(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + algorithm, e);
        }
    }

    private interface LargeObjectWork<T> {
        T run(LargeObjectManager objects) throws SQLException;
    }
}
