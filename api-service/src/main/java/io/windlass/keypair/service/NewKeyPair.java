package io.windlass.keypair.service;

/**
 * A validated {@code POST /os-keypairs} body ({@code schemas/compute/keypairs/create}).
 *
 * @param name      the pair's name (leading and trailing blanks are stripped, as Nova's {@code normalize_name})
 * @param type      {@code ssh} or {@code x509} (2.2); null: ssh
 * @param publicKey the key to import, or null to generate one (before 2.92)
 * @param userId    the owner an admin names (2.10), or null for the caller
 */
public record NewKeyPair(String name, String type, String publicKey, String userId) {
}
