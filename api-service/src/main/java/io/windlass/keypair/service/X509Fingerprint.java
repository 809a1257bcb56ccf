package io.windlass.keypair.service;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * Nova's {@code crypto.generate_x509_fingerprint}: the SHA-1 of a PEM certificate's DER, as
 * colon-separated hex pairs (the key pairs of type {@code x509}, WinRM certificates).
 */
public final class X509Fingerprint {
    private X509Fingerprint() {
    }

    /**
     * @throws IllegalArgumentException with the parser's message when the text is no PEM certificate
     */
    public static String of(String pem) {
        if (!pem.strip().startsWith("-----BEGIN CERTIFICATE-----")) {
            throw new IllegalArgumentException("Unable to load PEM file: no BEGIN CERTIFICATE line");
        }
        try {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)));
            return SshPublicKey.colonHex(MessageDigest.getInstance("SHA-1").digest(cert.getEncoded()));
        } catch (CertificateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-1", e);
        }
    }
}
