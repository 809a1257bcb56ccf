package io.windlass.container.api;

import io.windlass.api.error.InvalidInputException;
import io.windlass.api.microversion.ApiVersion;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ZunArchiveDataTest {
    private static final ApiVersion V1_24 = ApiVersion.of(1, 24);
    private static final ApiVersion V1_25 = ApiVersion.of(1, 25);
    /** Every byte value once: a tar holds any of them. */
    private static final byte[] ALL_BYTES = new byte[256];

    static {
        for (int i = 0; i < 256; i++) {
            ALL_BYTES[i] = (byte) i;
        }
    }

    @Test
    void fromOneTwentyFiveTheArchiveIsBase64() {
        assertEquals("aGVsbG8=", ZunArchiveData.encode("hello".getBytes(), V1_25));
        assertArrayEquals(ALL_BYTES, ZunArchiveData.decode(ZunArchiveData.encode(ALL_BYTES, V1_25), V1_25));
        // Python's b64decode leaves out what is not of the alphabet (line breaks of a wrapped encoding)
        assertArrayEquals("hello".getBytes(), ZunArchiveData.decode("aGVs\nbG8=", V1_25));
    }

    @Test
    void beforeItTheBytesAreTheTextOneCharacterEach() {
        assertEquals("hello", ZunArchiveData.encode("hello".getBytes(), V1_24));
        String text = ZunArchiveData.encode(ALL_BYTES, V1_24);
        assertEquals(256, text.length());
        assertEquals('\u00ff', text.charAt(255));
        assertArrayEquals(ALL_BYTES, ZunArchiveData.decode(text, V1_24));
    }

    @Test
    void dataThatIsNoArchiveIs400() {
        InvalidInputException base64 = assertThrows(InvalidInputException.class,
                () -> ZunArchiveData.decode("aGVsbG8", V1_25));
        assertEquals("Base64Exception", base64.errorName());
        assertEquals("Invalid Base 64 file data", base64.getMessage());
        InvalidInputException wide = assertThrows(InvalidInputException.class,
                () -> ZunArchiveData.decode("caf\u00e9 \u20ac", V1_24));
        assertEquals(InvalidInputException.SCHEMA_VALIDATION_ERROR, wide.errorName());
    }
}
