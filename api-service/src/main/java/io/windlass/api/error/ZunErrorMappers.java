package io.windlass.api.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.windlass.fault.TransientFailure;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;
import java.util.UUID;

/**
 * Turns every failure into the error body of the API family the request went to (Zun's
 * unless an {@link ErrorBodyFormat} claims the path), so that no framework default (HTML,
 * plain text, Quarkus' own JSON) ever reaches a client.
 */
public class ZunErrorMappers {
    private static final Logger LOG = Logger.getLogger(ZunErrorMappers.class);

    /** Upstream exception names for the HTTP errors the framework raises itself. */
    private static final Map<Integer, String> FRAMEWORK_ERROR_NAMES = Map.of(
            400, "BadRequest",
            404, "NotFound",
            405, "MethodNotAllowed",
            406, "NotAcceptable",
            415, "UnsupportedMediaType");

    private final ErrorFormats formats;

    public ZunErrorMappers(ErrorFormats formats) {
        this.formats = formats;
    }

    @ServerExceptionMapper
    public Response apiError(ApiException e, UriInfo uri) {
        if (e.status() >= 500) {
            LOG.warnf("%d %s: %s", e.status(), e.errorName(), LoggedErrors.masked(e.getMessage()));
        } else {
            LOG.infof("%d %s: %s", e.status(), e.errorName(), LoggedErrors.masked(e.getMessage()));
        }
        ErrorBodyFormat format = formats.forPath(uri.getPath());
        return body(e.status(), format, format.body(e.status(), e.errorName(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response frameworkError(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException parseError) {
            // Quarkus wraps body parse failures in a 400 of its own
            return malformedJson(parseError, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String reason = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String name = FRAMEWORK_ERROR_NAMES.getOrDefault(status, reason.replace(" ", ""));
        String message = switch (status) {
            case 404 -> "The resource could not be found.";
            case 405 -> "The method is not allowed for this resource.";
            case 415 -> "The request media type is not supported; use application/json.";
            default -> e.getMessage() == null ? reason : e.getMessage();
        };
        LOG.infof("%d %s: %s", status, name, e.getMessage());
        ErrorBodyFormat format = formats.forPath(uri.getPath());
        return body(status, format, format.body(status, name, message));
    }

    /** Unparsable or mistyped JSON bodies; Quarkus maps some of these itself unless told otherwise. */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        ErrorBodyFormat format = formats.forPath(uri.getPath());
        String message = format.malformedBody(e.getOriginalMessage());
        LOG.infof("400 malformed JSON: %s", e.getOriginalMessage());
        return body(400, format, format.body(400, InvalidInputException.SCHEMA_VALIDATION_ERROR, message));
    }

    /** A bug or an outage nobody anticipated: log it in full, show the client only a correlation id. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        var transientCause = TransientFailure.of(e);
        if (transientCause.isPresent()) {
            // the database restarting: nothing was done, and the same request will work in a moment
            LOG.warnf("503 ServiceUnavailable: %s", transientCause.get());
            ErrorBodyFormat format = formats.forPath(uri.getPath());
            return Response.fromResponse(body(503, format, format.body(503, "ServiceUnavailable",
                    "The service is temporarily unavailable; retry the request."))).header("Retry-After", "1").build();
        }
        String correlationId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error, correlation id %s", correlationId);
        ErrorBodyFormat format = formats.forPath(uri.getPath());
        return body(500, format, format.unexpected(correlationId));
    }

    private static Response body(int status, ErrorBodyFormat format, Object body) {
        return Response.status(status).type(format.mediaType()).entity(body).build();
    }
}
