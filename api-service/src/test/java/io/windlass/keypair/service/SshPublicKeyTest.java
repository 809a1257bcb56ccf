package io.windlass.keypair.service;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SshPublicKeyTest {
    /** OpenSSH's own ed25519 test key (regress/unittests/sshkey/testdata/ed25519_1.pub) and its MD5 fingerprint. */
    private static final String ED25519 =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC/zKVgmAh1TrS8ydk8oS9fWGTE6UI85hkrUzzjy1XyF RSA1 key comment";

    @Test
    void anOpenSshLineIsAcceptedWithOrWithoutCommentAndFingerprintedAsNovaDoes() {
        SshPublicKey key = SshPublicKey.parse(ED25519).orElseThrow();
        assertEquals("ssh-ed25519", key.type());
        assertTrue(key.fingerprint().matches("([0-9a-f]{2}:){15}[0-9a-f]{2}"), key.fingerprint());
        String bare = ED25519.substring(0, ED25519.indexOf(" RSA1"));
        assertEquals(key.fingerprint(), SshPublicKey.parse(bare + "\n").orElseThrow().fingerprint());
    }

    @Test
    void whatCryptographyWouldNotLoadIsRefused() {
        for (String line : List.of("", "ssh-rsa", "ssh-rsa " + "A".repeat(2048) + " openstack@ubuntu",
                "ssh-foo AAAAB3NzaC1yc2E=", "ssh-rsa !!notbase64!!",
                // an ed25519 blob under an rsa name
                "ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIC/zKVgmAh1TrS8ydk8oS9fWGTE6UI85hkrUzzjy1XyF",
                // a blob cut short
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC/zKVgmAh1TrS8ydk8oS9fWGTE6UI85hkrU",
                "-----BEGIN CERTIFICATE-----")) {
            assertTrue(SshPublicKey.parse(line).isEmpty(), line);
        }
    }

    @Test
    void aGeneratedPairIsAnRsaKeyWhosePrivateHalfSignsWhatItsPublicHalfVerifies() throws Exception {
        GeneratedKeyPair pair = GeneratedKeyPair.rsa();
        assertTrue(pair.publicKey().startsWith("ssh-rsa ") && pair.publicKey().endsWith(" Generated-by-Nova"));
        assertTrue(SshPublicKey.parse(pair.publicKey()).isPresent());
        assertTrue(pair.privateKey().startsWith("-----BEGIN RSA PRIVATE KEY-----\n"));
        assertTrue(pair.privateKey().endsWith("\n-----END RSA PRIVATE KEY-----\n"));

        List<BigInteger> der = pkcs1Integers(pair.privateKey());
        assertEquals(9, der.size());
        assertEquals(BigInteger.ZERO, der.getFirst());
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        var privateKey = rsa.generatePrivate(new RSAPrivateCrtKeySpec(der.get(1), der.get(2), der.get(3), der.get(4),
                der.get(5), der.get(6), der.get(7), der.get(8)));
        RSAPublicKey publicKey = publicOf(pair.publicKey(), rsa);
        assertEquals(2048, publicKey.getModulus().bitLength());

        byte[] message = "windlass".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(privateKey);
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update(message);
        assertTrue(verifier.verify(signature));
    }

    private static RSAPublicKey publicOf(String line, KeyFactory rsa) throws Exception {
        java.nio.ByteBuffer blob = java.nio.ByteBuffer.wrap(Base64.getDecoder().decode(line.split(" ")[1]));
        sshString(blob);
        BigInteger e = new BigInteger(sshString(blob));
        BigInteger n = new BigInteger(sshString(blob));
        return (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(n, e));
    }

    private static byte[] sshString(java.nio.ByteBuffer in) {
        byte[] v = new byte[in.getInt()];
        in.get(v);
        return v;
    }

    /** The INTEGERs of a PKCS#1 RSAPrivateKey PEM (a DER SEQUENCE of them). */
    private static List<BigInteger> pkcs1Integers(String pem) {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(body);
        int[] at = {0};
        assertEquals(0x30, der[at[0]++] & 0xff);
        int end = length(der, at) + at[0];
        List<BigInteger> out = new ArrayList<>();
        while (at[0] < end) {
            assertEquals(0x02, der[at[0]++] & 0xff);
            int len = length(der, at);
            byte[] value = new byte[len];
            System.arraycopy(der, at[0], value, 0, len);
            at[0] += len;
            out.add(new BigInteger(value));
        }
        assertEquals(der.length, end);
        return out;
    }

    private static int length(byte[] der, int[] at) {
        int first = der[at[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int n = 0;
        for (int i = 0; i < (first & 0x7f); i++) {
            n = (n << 8) | (der[at[0]++] & 0xff);
        }
        return n;
    }
}
