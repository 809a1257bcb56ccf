package io.windlass.registry;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistryPasswordCipherTest {
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private final RegistryPasswordCipher cipher = new RegistryPasswordCipher(RegistryPasswordCipher.DEVELOPMENT_KEY);
    private final UUID registry = UUID.randomUUID();

    @Test
    void sealedPasswordOpensForItsRowAndHidesThePassword() {
        String sealed = cipher.seal(registry, "s3cret-pässword");
        assertTrue(sealed.startsWith("v1:"));
        assertFalse(sealed.contains("s3cret"));
        assertEquals("s3cret-pässword", cipher.open(registry, sealed));
        // a fresh nonce each time: the same password never seals the same twice
        assertNotEquals(sealed, cipher.seal(registry, "s3cret-pässword"));
    }

    @Test
    void noPasswordStaysNone() {
        assertNull(cipher.seal(registry, null));
        assertNull(cipher.open(registry, null));
    }

    @Test
    void anotherRowAnotherKeyOrDamageDoNotOpen() {
        String sealed = cipher.seal(registry, "pw");
        assertThrows(RegistryPasswordCipher.UnreadablePasswordException.class,
                () -> cipher.open(UUID.randomUUID(), sealed));
        var other = new RegistryPasswordCipher(OTHER_KEY);
        var e = assertThrows(RegistryPasswordCipher.UnreadablePasswordException.class, () -> other.open(registry, sealed));
        assertTrue(e.getMessage().contains("another windlass.registry.password-key"));
        assertThrows(RegistryPasswordCipher.UnreadablePasswordException.class, () -> cipher.open(registry, "pw"));
        assertThrows(RegistryPasswordCipher.UnreadablePasswordException.class, () -> cipher.open(registry, "v1:AAAA"));
    }

    @Test
    void keyMustBe32Base64BytesAndTheBuiltInOneIsKnown() {
        assertThrows(IllegalArgumentException.class, () -> new RegistryPasswordCipher("c2hvcnQ="));
        assertThrows(IllegalArgumentException.class, () -> new RegistryPasswordCipher("not base64!"));
        assertTrue(cipher.developmentKey());
        assertFalse(new RegistryPasswordCipher(OTHER_KEY).developmentKey());
        assertFalse(cipher.toString().contains(RegistryPasswordCipher.DEVELOPMENT_KEY));
    }
}
