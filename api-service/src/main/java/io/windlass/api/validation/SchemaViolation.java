package io.windlass.api.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The first constraint a request broke, as Python's jsonschema reports it.
 *
 * @param path     where: property names and array indexes from the document's root
 * @param instance the value found there
 * @param message  jsonschema's message ({@code 'x' is too long})
 * @param newer    when the request names a field its microversion does not have yet: that field, else null
 * @param refused  the value is valid but this deployment cannot honour it ({@code x-refuse}); the message says why
 */
public record SchemaViolation(List<Object> path, JsonNode instance, String message, NewerField newer,
                              boolean refused) {

    /** A field ({@code path}) that exists only from microversion {@code since} on. */
    public record NewerField(List<Object> path, String since) {
    }
}
