package io.windlass.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON text to a tree, for tests that write bodies inline. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static JsonNode of(String text) {
        try {
            return MAPPER.readTree(text.replace('`', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
