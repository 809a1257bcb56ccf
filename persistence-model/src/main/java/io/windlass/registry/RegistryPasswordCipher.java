package io.windlass.registry;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * Seals a registry's password for the {@code registries} table and opens it again (Zun keeps it Fernet-encrypted
 * under {@code auth_encryption_key}). AES-256-GCM with a fresh 96-bit nonce per seal, the registry's uuid as
 * associated data: a sealed value copied onto another row does not open. Stored as {@code v1:} and the base64 of
 * nonce and ciphertext. The api-service seals, only the conductor opens (to hand the login to the host that
 * pulls); the key is the deployment's {@code windlass.registry.password-key}, the same in both.
 */
public final class RegistryPasswordCipher {
    /**
     * The key a deployment that sets none falls back to (development and tests): it is in the source, so it
     * keeps the password out of plain sight in the database and its dumps, and no more. {@code deploy/local/up}
     * generates a key of its own; a production deployment sets one.
     */
    public static final String DEVELOPMENT_KEY = "d2luZGxhc3MtZGV2LWtleS1OT1QtQS1TRUNSRVQtMDA=";
    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final boolean development;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param base64Key 32 bytes, base64 ({@code head -c 32 /dev/urandom | base64})
     * @throws IllegalArgumentException when it is not that
     */
    public RegistryPasswordCipher(String base64Key) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("windlass.registry.password-key is not base64");
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException("windlass.registry.password-key must be 32 bytes (base64), not "
                    + raw.length);
        }
        this.key = new SecretKeySpec(raw, "AES");
        this.development = base64Key.strip().equals(DEVELOPMENT_KEY);
        Arrays.fill(raw, (byte) 0);
    }

    /** Whether this is the built-in {@link #DEVELOPMENT_KEY}, which a service warns about at start. */
    public boolean developmentKey() {
        return development;
    }

    /** The password sealed for the row of {@code registry}; null stays null (a registry without a login). */
    public String seal(UUID registry, String password) {
        if (password == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, registry, nonce);
            byte[] sealed = cipher.doFinal(password.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
        }
    }

    /**
     * The password of the row of {@code registry}; null stays null.
     *
     * @throws UnreadablePasswordException when it was sealed under another key, for another row, or is damaged
     */
    public String open(UUID registry, String sealed) {
        if (sealed == null) {
            return null;
        }
        if (!sealed.startsWith(PREFIX)) {
            throw new UnreadablePasswordException("it is not in a sealed form this release reads");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new UnreadablePasswordException("it is damaged");
        }
        if (raw.length <= NONCE_BYTES) {
            throw new UnreadablePasswordException("it is damaged");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, registry, Arrays.copyOf(raw, NONCE_BYTES));
            byte[] plain = cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new UnreadablePasswordException("it was sealed under another windlass.registry.password-key");
        } catch (GeneralSecurityException e) {
            throw new UnreadablePasswordException("it is damaged");
        }
    }

    private Cipher cipher(int mode, UUID registry, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(registry.toString().getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    @Override
    public String toString() {
        return "RegistryPasswordCipher[key=<hidden>]";
    }

    /** A stored password this deployment cannot open; the message says why, never what. */
    public static class UnreadablePasswordException extends RuntimeException {
        public UnreadablePasswordException(String why) {
            super("the registry's stored password cannot be read: " + why);
        }
    }
}
