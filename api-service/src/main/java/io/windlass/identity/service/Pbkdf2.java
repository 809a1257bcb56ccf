package io.windlass.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Optional;

/**
 * PBKDF2-HMAC-SHA256, derived by the host's OpenSSL ({@code libcrypto.so.3}) where it has one (the
 * library behind Python's {@code hashlib.pbkdf2_hmac}, which Keystone's PBKDF2 schemes use), and by
 * the JDK where it has not; both give the same key for the same input ({@code Pbkdf2Test}).
 *
 * <p>Why not the JDK alone: the api-service runs on the client compiler only
 * ({@code deploy/jvm/api-service.options}), which saves memory and start-up time but has no SHA-256
 * intrinsic. There one derivation of 210,000 iterations took about 420 ms on the JDK against 55–95 ms
 * with C2, and every password token waits for one. OpenSSL's is native code, with the CPU's SHA
 * instructions, whatever the JIT.
 */
@ApplicationScoped
public class Pbkdf2 {
    private static final Logger LOG = Logger.getLogger(Pbkdf2.class);

    /** Loaded on the first derivation, not on the start path; empty when the host has no libcrypto. */
    private volatile Optional<OpenSslPbkdf2> openSsl;

    /** The key of {@code keyBytes} bytes from {@code password}'s UTF-8 bytes, as the JDK's PBEKeySpec encodes them. */
    public byte[] derive(String password, byte[] salt, int iterations, int keyBytes) {
        Optional<OpenSslPbkdf2> derivation = openSsl();
        if (derivation.isPresent()) {
            byte[] passwordBytes = password.getBytes(StandardCharsets.UTF_8);
            try {
                return derivation.get().derive(passwordBytes, salt, iterations, keyBytes);
            } finally {
                Arrays.fill(passwordBytes, (byte) 0);
            }
        }
        return jdk(password, salt, iterations, keyBytes);
    }

    /** The JDK's derivation: the fallback, and the reference the tests hold OpenSSL's against. */
    static byte[] jdk(String password, byte[] salt, int iterations, int keyBytes) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, keyBytes * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Which derivation serves: "openssl" or "jdk". */
    String implementation() {
        return openSsl().isPresent() ? "openssl" : "jdk";
    }

    private Optional<OpenSslPbkdf2> openSsl() {
        Optional<OpenSslPbkdf2> loaded = openSsl;
        if (loaded == null) {
            synchronized (this) {
                loaded = openSsl;
                if (loaded == null) {
                    loaded = OpenSslPbkdf2.load();
                    if (loaded.isPresent()) {
                        LOG.info("password hashes derived by OpenSSL's libcrypto");
                    } else {
                        LOG.warn("no usable libcrypto.so.3 (Debian package libssl3): password hashes are derived by"
                                + " the JDK, several times slower on the client compiler");
                    }
                    openSsl = loaded;
                }
            }
        }
        return loaded;
    }
}
