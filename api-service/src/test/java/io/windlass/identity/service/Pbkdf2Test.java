package io.windlass.identity.service;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Pbkdf2Test {
    // RFC 7914, section 11: PBKDF2-HMAC-SHA256, P = "passwd", S = "salt", c = 1, dkLen = 64
    private static final byte[] RFC_7914_KEY = HexFormat.of().parseHex(
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                    + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");

    private final Optional<OpenSslPbkdf2> openSsl = OpenSslPbkdf2.load();

    @Test
    void theHostsOpenSslIsUsed() {
        // Debian's PostgreSQL, which the project installs, depends on libssl3: libcrypto.so.3 is here
        assertTrue(openSsl.isPresent(), "libcrypto.so.3 could not be loaded");
        assertEquals("openssl", new Pbkdf2().implementation());
    }

    @Test
    void bothDerivationsGiveTheRfcsKey() {
        byte[] salt = "salt".getBytes(StandardCharsets.US_ASCII);

        assertArrayEquals(RFC_7914_KEY, Pbkdf2.jdk("passwd", salt, 1, 64));
        assertArrayEquals(RFC_7914_KEY, openSsl.orElseThrow().derive("passwd".getBytes(StandardCharsets.UTF_8),
                salt, 1, 64));
    }

    @Test
    void openSslGivesTheJdksKeyForAnyPassword() {
        byte[] salt = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
        Pbkdf2 pbkdf2 = new Pbkdf2();
        // else this would hold the JDK's derivation against itself
        assertEquals("openssl", pbkdf2.implementation());
        // non-ASCII, an unpaired surrogate (both encode it as '?'), the empty password, a NUL inside
        for (String password : new String[] {"s3cret", "pässwörd ☃ 密码", "broken\uD800half", "", "nul\0inside"}) {
            assertArrayEquals(Pbkdf2.jdk(password, salt, 1000, 32), pbkdf2.derive(password, salt, 1000, 32),
                    password);
        }
    }
}
