package io.windlass.api.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The first constraint a request broke, as Python's jsonschema or a declared rule reports it.
 *
 * @param path     where: property names and array indexes from the document's root
 * @param instance the value found there
 * @param message  jsonschema's message ({@code 'x' is too long}), or the rule's reason
 * @param kind     which answer the family gives
 * @param newer    when the request names a field its microversion does not have yet: that field, else null
 */
public record SchemaViolation(List<Object> path, JsonNode instance, String message, Kind kind, NewerField newer) {

    /** The three answers of a family ({@link ApiFamily}); a rule picks one with {@code "as"}. */
    public enum Kind {
        /** The value is invalid: worded as a schema failure of its field. */
        INVALID,
        /** Valid, but this deployment cannot honour it (the default of {@code x-refuse}). */
        REFUSED,
        /** The request as a whole is refused: the message alone is the answer. */
        REQUEST
    }

    /** A field ({@code path}) that exists only from microversion {@code since} on. */
    public record NewerField(List<Object> path, String since) {
    }
}
