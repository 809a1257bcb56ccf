package io.windlass.api.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the members of a request object that its schema has already validated, so that reading
 * needs no checks of its own: absent and JSON null are alike, booleans may be spelled as strings.
 */
public record RequestFields(JsonNode node) {

    public boolean has(String field) {
        return node.hasNonNull(field);
    }

    public JsonNode get(String field) {
        return node.path(field);
    }

    public RequestFields object(String field) {
        return new RequestFields(node.path(field));
    }

    /** The text (a number as its digits), or null when absent. */
    public String text(String field) {
        return has(field) ? node.get(field).asText() : null;
    }

    public boolean bool(String field, boolean absent) {
        JsonNode value = node.path(field);
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return has(field) ? OsloBoolean.parse(value.asText()).orElseThrow() : absent;
    }

    public List<String> strings(String field) {
        List<String> out = new ArrayList<>();
        node.path(field).forEach(item -> out.add(item.asText()));
        return out;
    }

    public Map<String, String> stringMap(String field) {
        Map<String, String> out = new LinkedHashMap<>();
        node.path(field).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** An object whose values are strings or lists of strings (scheduler hints), each as a list. */
    public Map<String, List<String>> stringLists(String field) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        node.path(field).fields().forEachRemaining(e -> {
            List<String> values = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> values.add(v.asText()));
            } else {
                values.add(e.getValue().asText());
            }
            out.put(e.getKey(), List.copyOf(values));
        });
        return out;
    }
}
