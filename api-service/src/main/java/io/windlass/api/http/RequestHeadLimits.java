package io.windlass.api.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.windlass.api.config.ApiConfig;
import io.windlass.api.error.RouteErrorResponses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;

/**
 * Refuses a request line or headers that are too long with a 414 or 431 in the API family's error
 * format. Vert.x refuses them itself before any route, with an empty body and no request id, so its
 * limits ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set far
 * above Windlass' own ({@code windlass.api.request-head.*}), and this route applies Windlass'.
 */
@ApplicationScoped
public class RequestHeadLimits {
    // after RequestIdRouteFilter (-1000), so that the refusal carries a request id
    private static final int ORDER = -900;
    /** {@code " HTTP/1.1"} and the space after the method. */
    private static final int LINE_OVERHEAD = 10;
    /** {@code ": "} between a header's name and value. */
    private static final int HEADER_OVERHEAD = 2;

    private final ApiConfig.RequestHead limits;
    private final RouteErrorResponses errors;

    public RequestHeadLimits(ApiConfig config, RouteErrorResponses errors) {
        this.limits = config.requestHead();
        this.errors = errors;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    void check(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        // the target as RequestTargetEncoder left it: a raw character counts as its %HH
        int line = request.method().name().length() + request.uri().length() + LINE_OVERHEAD;
        if (line > limits.maxLineLength()) {
            errors.refuse(routing, 414, "RequestUriTooLong", "The request line is " + line
                    + " bytes long; at most " + limits.maxLineLength() + " are accepted.");
            return;
        }
        int headers = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headers += header.getKey().length() + HEADER_OVERHEAD + header.getValue().length();
        }
        if (headers > limits.maxHeaderSize()) {
            errors.refuse(routing, 431, "RequestHeaderFieldsTooLarge", "The request headers are " + headers
                    + " bytes long; at most " + limits.maxHeaderSize() + " are accepted.");
            return;
        }
        routing.next();
    }
}
