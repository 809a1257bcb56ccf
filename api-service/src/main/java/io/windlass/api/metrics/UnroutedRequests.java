package io.windlass.api.metrics;

import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Gives every API request a route template before anything can answer it, so that
 * {@code http.server.requests} never carries a raw path. Quarkus tags a request with the template of
 * the route that took it, which Quarkus REST records when a route matches; a request answered before
 * that (the HTTP layer's 414, 431 and 413, a pre-matching filter's 406 or 401, a method's 405) would be
 * tagged with its raw path, a uuid or a container's name in it: one series per workload. Such a
 * request is tagged {@code <family prefix>/UNROUTED} ({@link RouteFamily#unrouted()}) instead; a route
 * that matches replaces it with its own template. Quarkus' own paths ({@code /q/...}) are left alone.
 */
@ApplicationScoped
public class UnroutedRequests {
    private static final Logger LOG = Logger.getLogger(UnroutedRequests.class);
    /**
     * Where Quarkus' HTTP metrics read a request's route template: a local of the request's Vert.x
     * context, written by Quarkus REST's ObservabilityUtil (not a public API: ApiMetricsIT fails if it moves).
     */
    static final String TEMPLATE_LOCAL = "UrlPathTemplate";
    // first of all routes: before RequestTargetEncoder (-2000) and the HTTP layer's refusals
    private static final int ORDER = -3_000;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::mark);
    }

    void mark(RoutingContext routing) {
        String path = routing.request().path();
        if (path != null && !path.startsWith("/q/")) {
            try {
                ((HttpServerRequestInternal) routing.request()).context().putLocal(TEMPLATE_LOCAL,
                        RouteFamily.of(path).unrouted());
            } catch (RuntimeException e) {
                // a request wrapper of another kind: its metrics may show the raw path, the request goes on
                LOG.debugf("no route template placeholder for %s: %s", path, e);
            }
        }
        routing.next();
    }
}
