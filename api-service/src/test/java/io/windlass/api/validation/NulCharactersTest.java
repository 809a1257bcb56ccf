package io.windlass.api.validation;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The JSON escape watch: every spelling of a NUL escape is caught, and nothing that only looks like one. */
class NulCharactersTest {
    private final ObjectMapper json = new ObjectMapper();

    NulCharactersTest() {
        new NulCharacters().customize(json);
    }

    private Object read(String text, Charset charset) throws Exception {
        return json.readTree(new ByteArrayInputStream(text.getBytes(charset)));
    }

    @Test
    void aNulEscapeInAValueOrANameIsRefused() {
        for (String body : new String[] {"{\"name\": \"a\\u0000b\"}", "{\"a\\u0000\": 1}", "[\"\\\\\\u0000\"]",
                "{\"name\": \"\\U0000\"}".replace("\\U", "\\u")}) {
            var e = assertThrows(JsonParseException.class, () -> read(body, StandardCharsets.UTF_8), body);
            assertEquals("a string or name contains the NUL character (\\u0000), which is not allowed",
                    e.getOriginalMessage());
        }
    }

    @Test
    void theEscapeIsFoundInUtf16Too() {
        assertThrows(JsonParseException.class, () -> read("{\"n\": \"\\u0000\"}", StandardCharsets.UTF_16BE));
        assertThrows(JsonParseException.class, () -> read("{\"n\": \"\\u0000\"}", StandardCharsets.UTF_16LE));
    }

    @Test
    void anEscapedBackslashFollowedByTheLettersIsText() throws Exception {
        assertEquals("\\u0000", json.readTree(new ByteArrayInputStream("{\"n\": \"\\\\u0000\"}"
                .getBytes(StandardCharsets.UTF_8))).get("n").textValue());
        assertEquals("\u0001x", json.readTree(new ByteArrayInputStream("{\"n\": \"\\u0001x\"}"
                .getBytes(StandardCharsets.UTF_8))).get("n").textValue());
        assertEquals("u0000", ((com.fasterxml.jackson.databind.JsonNode) read("{\"n\": \"u0000\"}",
                StandardCharsets.UTF_8)).get("n").textValue());
    }
}
