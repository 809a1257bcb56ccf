package io.windlass.keypair.service;

import io.windlass.keypair.persistence.KeyPairRecord;

/**
 * A key pair just made.
 *
 * @param keyPair    the stored row
 * @param privateKey the generated private key (shown once), or null when the public key was imported
 */
public record CreatedKeyPair(KeyPairRecord keyPair, String privateKey) {
}
