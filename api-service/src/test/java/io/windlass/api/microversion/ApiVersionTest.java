package io.windlass.api.microversion;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiVersionTest {

    @Test
    void comparesMinorNumerically() {
        assertTrue(ApiVersion.parse("1.10").isAtLeast(ApiVersion.parse("1.9")));
        assertTrue(ApiVersion.parse("1.9").isAtMost(ApiVersion.parse("1.10")));
        assertEquals(0, ApiVersion.parse("1.40").compareTo(ContainerApiVersions.MAX));
        assertEquals("1.23", ApiVersion.parse("1.23").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1.", ".1", "1.1.1", "v1.1", "01.1", "1.01", "1.x", " 1.1"})
    void rejectsAnythingButMajorDotMinor(String text) {
        assertThrows(IllegalArgumentException.class, () -> ApiVersion.parse(text));
    }
}
