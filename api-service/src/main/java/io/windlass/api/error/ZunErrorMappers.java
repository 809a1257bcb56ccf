package io.windlass.api.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import io.windlass.identity.api.IdentityPrefixFilter;
import io.windlass.identity.api.KeystoneErrorMapper;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;
import java.util.UUID;

/**
 * Turns every failure into Zun's error body (Keystone's under the identity paths), so that no framework default (HTML, plain
 * text, Quarkus' own JSON) ever reaches a Zun client.
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

    @ServerExceptionMapper
    public Response apiError(ApiException e) {
        if (e.status() >= 500) {
            LOG.warnf("%d %s: %s", e.status(), e.errorName(), e.getMessage());
        } else {
            LOG.infof("%d %s: %s", e.status(), e.errorName(), e.getMessage());
        }
        return body(e.status(), ZunErrorBody.of(e.status(), e.errorName(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response frameworkError(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException parseError) {
            // Quarkus wraps body parse failures in a 400 of its own
            return malformedJson(parseError, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
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
        if (IdentityPrefixFilter.isIdentityPath(uri.getPath())) {
            return KeystoneErrorMapper.body(status, reason, message);
        }
        return body(status, ZunErrorBody.of(status, name, message));
    }

    /** Unparsable or mistyped JSON bodies; Quarkus maps some of these itself unless told otherwise. */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String message = "Malformed JSON in request body: " + e.getOriginalMessage();
        LOG.infof("400 malformed JSON: %s", e.getOriginalMessage());
        if (IdentityPrefixFilter.isIdentityPath(uri.getPath())) {
            return KeystoneErrorMapper.body(400, "Bad Request", message);
        }
        return body(400, ZunErrorBody.of(400, InvalidInputException.SCHEMA_VALIDATION_ERROR, message));
    }

    /** A bug or an outage nobody anticipated: log it in full, show the client only a correlation id. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String correlationId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error, correlation id %s", correlationId);
        return body(500, ZunErrorBody.serverError(500, "Internal Server Error",
                "The server has either erred or is incapable of performing the requested operation. "
                        + "Error Correlation id is: " + correlationId));
    }

    private static Response body(int status, ZunErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
