package io.windlass.keypair.service;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;

/**
 * A key pair made for a caller who sent no public key (before 2.92), as Nova's
 * {@code crypto.generate_key_pair} makes it with paramiko: RSA 2048, the private key as a PKCS#1
 * PEM ({@code BEGIN RSA PRIVATE KEY}, what paramiko and ssh read), the public key as an OpenSSH
 * line commented {@code Generated-by-Nova} (clients and Tempest know the comment).
 *
 * @param privateKey PEM (ssh), or a base64 PKCS#12 bundle ({@link WinRmCertificates}); returned once, never stored
 * @param publicKey  OpenSSH line, or a PEM certificate
 */
public record GeneratedKeyPair(String privateKey, String publicKey) {
    private static final int BITS = 2048;

    public static GeneratedKeyPair rsa() {
        KeyPairGenerator generator;
        try {
            generator = KeyPairGenerator.getInstance("RSA");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has RSA", e);
        }
        generator.initialize(BITS);
        java.security.KeyPair pair = generator.generateKeyPair();
        RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
        RSAPrivateCrtKey priv = (RSAPrivateCrtKey) pair.getPrivate();
        return new GeneratedKeyPair(pem(priv), openSsh(pub));
    }

    private static String openSsh(RSAPublicKey key) {
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        sshString(blob, "ssh-rsa".getBytes(StandardCharsets.US_ASCII));
        sshString(blob, key.getPublicExponent().toByteArray());
        sshString(blob, key.getModulus().toByteArray());
        return "ssh-rsa " + Base64.getEncoder().encodeToString(blob.toByteArray()) + " Generated-by-Nova";
    }

    private static void sshString(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
        out.writeBytes(value);
    }

    /** RFC 8017's RSAPrivateKey in DER: a SEQUENCE of INTEGERs (version 0, n, e, d, p, q, dP, dQ, qInv). */
    private static String pem(RSAPrivateCrtKey key) {
        ByteArrayOutputStream fields = new ByteArrayOutputStream();
        for (BigInteger i : List.of(BigInteger.ZERO, key.getModulus(), key.getPublicExponent(),
                key.getPrivateExponent(), key.getPrimeP(), key.getPrimeQ(), key.getPrimeExponentP(),
                key.getPrimeExponentQ(), key.getCrtCoefficient())) {
            // BigInteger's two's-complement bytes are DER's INTEGER content
            der(fields, 0x02, i.toByteArray());
        }
        ByteArrayOutputStream sequence = new ByteArrayOutputStream();
        der(sequence, 0x30, fields.toByteArray());
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(sequence.toByteArray());
        return "-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n-----END RSA PRIVATE KEY-----\n";
    }

    private static void der(ByteArrayOutputStream out, int tag, byte[] content) {
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            byte[] digits = BigInteger.valueOf(length).toByteArray();
            int start = digits[0] == 0 ? 1 : 0;
            out.write(0x80 | (digits.length - start));
            out.write(digits, start, digits.length - start);
        }
        out.writeBytes(content);
    }
}
