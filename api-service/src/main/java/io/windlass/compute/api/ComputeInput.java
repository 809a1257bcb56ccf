package io.windlass.compute.api;

import io.windlass.api.error.InvalidInputException;

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
}
