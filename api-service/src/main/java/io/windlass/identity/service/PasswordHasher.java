package io.windlass.identity.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Slow salted password hashes: PBKDF2-HMAC-SHA256 ({@link Pbkdf2}), stored as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} so that the cost can be raised later
 * without invalidating existing hashes ({@link #needsRehash}).
 */
@ApplicationScoped
public class PasswordHasher {
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    static final int ITERATIONS = 210_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    /** What {@link #burnTime} derives with: any salt costs the same. */
    private static final byte[] DECOY_SALT = new byte[SALT_BYTES];

    private final SecureRandom random = new SecureRandom();
    private final Pbkdf2 pbkdf2;

    public PasswordHasher(Pbkdf2 pbkdf2) {
        this.pbkdf2 = pbkdf2;
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return encode(ITERATIONS, salt, derive(password, salt, ITERATIONS));
    }

    public boolean matches(String password, String encoded) {
        if (encoded == null) {
            return false;
        }
        String[] parts = encoded.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return false;
        }
        int iterations = Integer.parseInt(parts[1]);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(password, salt, iterations));
    }

    /**
     * Spends the same time as a real check, for callers that have no user to check against, so that
     * timing does not reveal user names. It derives a key the way {@link #matches} does rather than
     * checking against a decoy hash made beforehand: making one at start-up cost a full derivation
     * on the api-service's start path.
     */
    public void burnTime(String password) {
        MessageDigest.isEqual(DECOY_SALT, derive(password, DECOY_SALT, ITERATIONS));
    }

    /** Whether the hash was made with weaker settings than today's. */
    public boolean needsRehash(String encoded) {
        String[] parts = encoded.split("\\$");
        return parts.length != 4 || !parts[0].equals(SCHEME) || Integer.parseInt(parts[1]) < ITERATIONS;
    }

    private byte[] derive(String password, byte[] salt, int iterations) {
        return pbkdf2.derive(password, salt, iterations, HASH_BYTES);
    }

    private static String encode(int iterations, byte[] salt, byte[] hash) {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }
}
