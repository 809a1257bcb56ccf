package io.windlass.keypair.persistence;

import java.time.Instant;

/**
 * One row of {@code key_pairs}.
 *
 * @param id          database key (Nova shows it as {@code id})
 * @param userId      the owning user
 * @param name        unique per user
 * @param type        {@code ssh} or {@code x509}
 * @param fingerprint MD5 (ssh) or SHA-1 (x509) as colon-separated hex
 * @param publicKey   the OpenSSH line or PEM certificate
 * @param createdAt   creation time
 */
public record KeyPairRecord(long id, String userId, String name, String type, String fingerprint, String publicKey,
                            Instant createdAt) {
}
