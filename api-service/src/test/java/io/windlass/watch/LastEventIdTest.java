package io.windlass.watch;

import io.windlass.api.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LastEventIdTest {

    @Test
    void anIdIsANonNegativeInteger() {
        assertEquals(42L, LastEventId.parse("42"));
        assertEquals(0L, LastEventId.parse(" 0 "));
        assertNull(LastEventId.parse(null));
        assertNull(LastEventId.parse(""));
    }

    @Test
    void anythingElseIsABadRequestNamingTheHeader() {
        for (String bad : new String[]{"-1", "abc", "1.5", "9999999999999999999999", "0x10"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> LastEventId.parse(bad));
            assertEquals(400, e.status());
            assertTrue(e.getMessage().contains("Last-Event-ID"), e.getMessage());
        }
    }
}
