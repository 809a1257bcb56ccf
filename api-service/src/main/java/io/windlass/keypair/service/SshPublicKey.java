package io.windlass.keypair.service;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An OpenSSH public key line ({@code <type> <base64 blob> [comment]}) checked the way Nova's
 * {@code crypto.generate_fingerprint} checks it (pyca/cryptography's {@code load_ssh_public_key}:
 * a known algorithm whose blob names the same algorithm and holds exactly its fields), with
 * Nova's fingerprint: the MD5 of the blob, as colon-separated hex pairs.
 *
 * @param type the algorithm ({@code ssh-rsa}, {@code ssh-ed25519}, {@code ecdsa-sha2-nistp256} ...)
 * @param blob the decoded key
 */
public record SshPublicKey(String type, byte[] blob) {
    /** The algorithms pyca/cryptography loads, with the fields of each blob after the type. */
    private static final Map<String, Fields> ALGORITHMS = Map.of(
            "ssh-rsa", Fields.RSA,
            "ssh-dss", Fields.DSA,
            "ssh-ed25519", Fields.ED25519,
            "ecdsa-sha2-nistp256", Fields.ECDSA,
            "ecdsa-sha2-nistp384", Fields.ECDSA,
            "ecdsa-sha2-nistp521", Fields.ECDSA);

    private enum Fields { RSA, DSA, ED25519, ECDSA }

    /** The key of a line, or empty when the line is no key cryptography would load. */
    public static Optional<SshPublicKey> parse(String line) {
        String[] parts = line.strip().split("[ \t]+", 3);
        if (parts.length < 2 || !ALGORITHMS.containsKey(parts[0])) {
            return Optional.empty();
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return wellFormed(parts[0], blob) ? Optional.of(new SshPublicKey(parts[0], blob)) : Optional.empty();
    }

    private static boolean wellFormed(String type, byte[] blob) {
        ByteBuffer in = ByteBuffer.wrap(blob);
        try {
            if (!new String(string(in), StandardCharsets.US_ASCII).equals(type)) {
                return false;
            }
            switch (ALGORITHMS.get(type)) {
                case RSA -> {
                    BigInteger e = new BigInteger(string(in));
                    BigInteger n = new BigInteger(string(in));
                    if (e.signum() <= 0 || n.signum() <= 0 || n.bitLength() < 512) {
                        return false;
                    }
                }
                case DSA -> {
                    for (int i = 0; i < 4; i++) {
                        string(in);
                    }
                }
                case ED25519 -> {
                    if (string(in).length != 32) {
                        return false;
                    }
                }
                case ECDSA -> {
                    String curve = new String(string(in), StandardCharsets.US_ASCII);
                    byte[] point = string(in);
                    if (!type.endsWith(curve) || point.length == 0 || point[0] != 4) {
                        return false;
                    }
                }
            }
            return !in.hasRemaining();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** An SSH wire-format string: a 32-bit big-endian length and that many bytes. */
    private static byte[] string(ByteBuffer in) {
        if (in.remaining() < 4) {
            throw new IllegalArgumentException("truncated");
        }
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("truncated");
        }
        byte[] value = new byte[length];
        in.get(value);
        return value;
    }

    /** Nova's fingerprint: {@code md5(blob)} as {@code aa:bb:...}. */
    public String fingerprint() {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(blob);
            return colonHex(md5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has MD5", e);
        }
    }

    static String colonHex(byte[] digest) {
        HexFormat hex = HexFormat.of();
        return java.util.stream.IntStream.range(0, digest.length).mapToObj(i -> hex.toHexDigits(digest[i]))
                .collect(Collectors.joining(":"));
    }
}
