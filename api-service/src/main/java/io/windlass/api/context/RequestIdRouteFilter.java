package io.windlass.api.context;

import io.opentelemetry.api.trace.Span;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcTracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.regex.Pattern;

/**
 * Gives every HTTP request an id before anything else runs. It is a Vert.x route rather
 * than a JAX-RS filter so that every response carries the header: health checks, unknown
 * paths and errors raised outside JAX-RS included.
 */
@ApplicationScoped
public class RequestIdRouteFilter {
    public static final String HEADER = "X-OpenStack-Request-Id";
    /** Nova's own name for the same id, which its clients (Tempest's instance action tests) read. */
    public static final String COMPUTE_HEADER = "X-Compute-Request-Id";
    private static final String COMPUTE_PREFIX = "/compute/";
    public static final String MDC_KEY = "request_id";
    static final String ROUTING_KEY = RequestIds.class.getName();

    // oslo's RequestId middleware only trusts ids of its own shape
    private static final Pattern VALID_ID =
            Pattern.compile("req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    // before every application and framework route, so nothing can answer without an id
    private static final int ORDER = -1_000;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::assign);
    }

    void assign(RoutingContext routing) {
        String requestId = RequestContext.newRequestId();
        String incoming = routing.request().getHeader(HEADER);
        String global = incoming != null && VALID_ID.matcher(incoming).matches() ? incoming : requestId;
        routing.put(ROUTING_KEY, new RequestIds(requestId, global));
        MDC.put(MDC_KEY, requestId);
        // the HTTP server span (Quarkus' OpenTelemetry extension) started before any route: name its request
        Span.current().setAttribute(RpcTracing.REQUEST_ID, requestId);
        // set at headers-end so that nothing written later (error pages, resets) can drop it
        boolean compute = routing.request().path() != null && routing.request().path().startsWith(COMPUTE_PREFIX);
        routing.addHeadersEndHandler(ignored -> {
            routing.response().headers().set(HEADER, requestId);
            if (compute) {
                routing.response().headers().set(COMPUTE_HEADER, requestId);
            }
        });
        routing.addEndHandler(ignored -> MDC.remove(MDC_KEY));
        routing.next();
    }

    /** The ids assigned to the request being routed. */
    public static RequestIds idsOf(RoutingContext routing) {
        RequestIds ids = routing.get(ROUTING_KEY);
        if (ids == null) {
            String id = RequestContext.newRequestId();
            return new RequestIds(id, id);
        }
        return ids;
    }
}
