package io.windlass.api.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Answers a request that a Vert.x route refuses before JAX-RS runs (the HTTP layer's limits in
 * {@code io.windlass.api.http}) in the error format of the API family its path belongs to, as
 * {@link ZunErrorMappers} does for everything JAX-RS raises. The request id header is added by
 * {@code RequestIdRouteFilter}, which runs before every such route.
 */
@ApplicationScoped
public class RouteErrorResponses {
    private static final Logger LOG = Logger.getLogger(RouteErrorResponses.class);

    private final ErrorFormats formats;
    private final ObjectMapper json;

    public RouteErrorResponses(ErrorFormats formats, ObjectMapper json) {
        this.formats = formats;
        this.json = json;
    }

    /** Ends the response with {@code status} and the family's body; the request goes no further. */
    public void refuse(RoutingContext routing, int status, String errorName, String message) {
        LOG.infof("%d %s: %s", status, errorName, message);
        ErrorBodyFormat format = formats.forPath(routing.request().path());
        Object body = format.body(status, errorName, message);
        routing.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, format.mediaType().toString())
                .end(body instanceof String text ? text : serialized(body));
    }

    private String serialized(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body that Jackson cannot write: " + body.getClass(), e);
        }
    }
}
