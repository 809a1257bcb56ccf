package io.windlass.container.api;

import io.windlass.api.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ZunLogParametersTest {

    @Test
    void tailIsPythonsIntElseAll() {
        assertEquals(3, ZunLogParameters.tail("3"));
        assertEquals(0, ZunLogParameters.tail("0"));
        assertEquals(12, ZunLogParameters.tail(" +12 "));
        assertEquals(Integer.MAX_VALUE, ZunLogParameters.tail("2147483647"));
        assertNull(ZunLogParameters.tail("all"));
        assertNull(ZunLogParameters.tail("2.5"));
        assertNull(ZunLogParameters.tail(""));
        assertNull(ZunLogParameters.tail("-1"), "docker-py sends all for a negative tail");
        assertNull(ZunLogParameters.tail("99999999999999999999"));
    }

    @Test
    void sinceIsUnixSecondsOrZunsDatetimeInUtc() {
        assertEquals(100000000L, ZunLogParameters.since("100000000"));
        assertEquals(0L, ZunLogParameters.since("0"));
        assertEquals(1714564800L, ZunLogParameters.since("2024-05-01 12:00:00,000"));
        assertEquals(1714564801L, ZunLogParameters.since("2024-05-01 12:00:01,999999"), "whole seconds, as docker-py");
    }

    @Test
    void sinceThatParsesAsNeitherIsThe400OfSince() {
        for (String bad : new String[] {"", "2024-02-30 00:00:00,000", "x2024-05-01 12:00:00,000",
                "2024-05-01 12:00:00,0000000", "99999999999999999999"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> ZunLogParameters.since(bad), bad);
            assertEquals(400, e.status());
            assertTrue(e.getMessage().startsWith("Invalid input for query parameters 'since'. Value: '" + bad + "'."),
                    e.getMessage());
        }
    }
}
