package io.windlass.networking;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.windlass.api.error.ErrorBodyFormat;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * Neutron's error body for everything under {@code /network}:
 * {@code {"NeutronError": {"type": "NetworkNotFound", "message": "...", "detail": ""}}}. The SDK
 * reads {@code message}; the type is the neutron-lib exception name, or webob's {@code HTTP*}
 * name for errors the framework raises (unknown path, wrong method).
 */
@ApplicationScoped
public class NeutronErrorFormat implements ErrorBodyFormat {
    public static final String PREFIX = "/network";

    /** The framework's names for HTTP errors, as webob's exception classes spell them. */
    private static final Map<String, String> WEBOB = Map.of("NotFound", "HTTPNotFound", "BadRequest",
            "HTTPBadRequest", "MethodNotAllowed", "HTTPMethodNotAllowed", "NotAcceptable", "HTTPNotAcceptable",
            "UnsupportedMediaType", "HTTPUnsupportedMediaType", "SchemaValidationError", "HTTPBadRequest",
            "NotAuthorized", "HTTPUnauthorized", "ServiceUnavailable", "HTTPServiceUnavailable");

    /** The body's single member. */
    public record Body(@JsonProperty("NeutronError") Error error) {
    }

    /** Neutron's error fields; {@code detail} is always empty upstream. */
    public record Error(@JsonProperty("type") String type, @JsonProperty("message") String message,
                        @JsonProperty("detail") String detail) {
    }

    @Override
    public boolean handles(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    @Override
    public Object body(int status, String errorName, String message) {
        return new Body(new Error(WEBOB.getOrDefault(errorName, errorName), message, ""));
    }

    @Override
    public Object unexpected(String correlationId) {
        return new Body(new Error("HTTPInternalServerError", "Request Failed: internal server error while "
                + "processing your request. Error Correlation id is: " + correlationId, ""));
    }

    @Override
    public String malformedBody(String parserMessage) {
        return "Malformed JSON in request body.";
    }
}
