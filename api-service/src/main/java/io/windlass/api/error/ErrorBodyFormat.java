package io.windlass.api.error;

import jakarta.ws.rs.core.MediaType;

/**
 * How one API family (Zun under {@code /container}, Nova under {@code /compute}, ...) spells
 * its error bodies. {@link ErrorFormats} picks the format by request path, so every family
 * shares one set of exception mappers.
 */
public interface ErrorBodyFormat {

    /** Whether requests to {@code path} (as JAX-RS sees it, leading slash) are answered in this format. */
    boolean handles(String path);

    /**
     * The body of an expected failure.
     *
     * @param errorName upstream exception name ({@code AggregateNotFound}), for families that show it
     */
    Object body(int status, String errorName, String message);

    /** The body of a 500 nobody anticipated; only the correlation id may reach the client. */
    Object unexpected(String correlationId);

    /** The media type of the bodies this format writes. */
    default MediaType mediaType() {
        return MediaType.APPLICATION_JSON_TYPE;
    }

    /** The message of a request whose JSON body cannot be parsed. */
    default String malformedBody(String parserMessage) {
        return "Malformed JSON in request body: " + parserMessage;
    }
}
