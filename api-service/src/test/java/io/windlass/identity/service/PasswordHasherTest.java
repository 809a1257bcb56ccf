package io.windlass.identity.service;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(new Pbkdf2());

    @Test
    void aHashMatchesItsPasswordAndNoOther() {
        String encoded = hasher.hash("s3cret");

        assertTrue(hasher.matches("s3cret", encoded));
        assertFalse(hasher.matches("s3cret ", encoded));
        assertFalse(hasher.matches("s3cret", null));
        assertFalse(hasher.matches("s3cret", "md5$1$x$y"));
    }

    @Test
    void eachHashHasItsOwnSaltAndTodaysCost() {
        String first = hasher.hash("s3cret");
        String[] parts = first.split("\\$");

        assertNotEquals(first, hasher.hash("s3cret"));
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals(String.valueOf(PasswordHasher.ITERATIONS), parts[1]);
        assertFalse(hasher.needsRehash(first));
        assertTrue(hasher.needsRehash("pbkdf2-sha256$1000$" + parts[2] + "$" + parts[3]));
    }
}
