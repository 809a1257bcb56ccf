package io.windlass.compute.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.error.InvalidInputException;

import java.util.Iterator;
import java.util.Set;

/** 400s worded as Nova's request-schema validation words them. */
public final class ComputeInput {
    private ComputeInput() {
    }

    /** {@code Invalid input for field/attribute <path>. Value: <value>. <why>}. */
    public static InvalidInputException invalid(String path, Object value, String why) {
        return new InvalidInputException(InvalidInputException.SCHEMA_VALIDATION_ERROR,
                "Invalid input for field/attribute " + path + ". Value: " + value + ". " + why);
    }

    /** A failure that is not about one field ({@code Malformed request body}, wrong action count). */
    public static InvalidInputException badRequest(String message) {
        return new InvalidInputException("BadRequest", message);
    }

    /** {@code {"<key>": {...}}} and nothing else: the object inside, or a 400 in jsonschema's words. */
    public static JsonNode wrapper(JsonNode body, String key) {
        if (body == null || !body.isObject()) {
            throw badRequest("Malformed request body");
        }
        onlyKeys(body, "", Set.of(key));
        JsonNode inner = body.get(key);
        if (inner == null) {
            throw invalid("", body, "'" + key + "' is a required property");
        }
        if (!inner.isObject()) {
            throw invalid(key, inner, inner + " is not of type 'object'");
        }
        return inner;
    }

    /** {@code additionalProperties: false}: a member outside {@code allowed} is a 400 naming it. */
    public static void onlyKeys(JsonNode node, String path, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw invalid(path.isEmpty() ? name : path, node,
                        "Additional properties are not allowed ('" + name + "' was unexpected)");
            }
        }
    }
}
