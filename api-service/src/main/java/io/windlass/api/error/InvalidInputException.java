package io.windlass.api.error;

import io.windlass.api.microversion.ApiVersion;

/** 400: the request is malformed or asks for something this deployment cannot do. */
public class InvalidInputException extends ApiException {

    /** Zun's name for body/query schema failures. */
    public static final String SCHEMA_VALIDATION_ERROR = "SchemaValidationError";

    public InvalidInputException(String errorName, String message) {
        super(400, errorName, message);
    }

    /** A failure that is not about one field, in Nova's words ({@code min_count must be <= max_count}). */
    public static InvalidInputException badRequest(String message) {
        return new InvalidInputException("BadRequest", message);
    }

    /** A value that fails the schema, worded as Zun's jsonschema validator does. */
    public static InvalidInputException field(String field, Object value, String why) {
        return new InvalidInputException(SCHEMA_VALIDATION_ERROR,
                "Invalid input for field '" + field + "'.Value: '" + value + "'. " + why);
    }

    /** A query parameter that fails validation. */
    public static InvalidInputException query(String parameter, Object value, String why) {
        return new InvalidInputException(SCHEMA_VALIDATION_ERROR,
                "Invalid input for query parameters '" + parameter + "'. Value: '" + value + "'. " + why);
    }

    /** Zun's answer to a parameter that its microversion does not have yet. */
    public static InvalidInputException inVersion(String parameter, ApiVersion version, String since) {
        return new InvalidInputException("InvalidParamInVersion", "Invalid param " + parameter
                + " because current request version is " + version + ". " + parameter
                + " is only supported from version " + since);
    }

    /** A field Zun knows but that nothing in this deployment can honour yet. */
    public static InvalidInputException unsupported(String field, String why) {
        return new InvalidInputException("InvalidValue",
                "Field '" + field + "' is not supported by this deployment: " + why);
    }
}
