package io.windlass.dashboard;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The web console's two routes around the bundle Quarkus serves from
 * {@code META-INF/resources/dashboard} (built from {@code dashboard/} by the Maven build):
 * {@code /dashboard} is sent on to {@code /dashboard/}, so that the bundle's relative paths resolve,
 * and every console response gets headers that hold the page to its own origin. The console signs in
 * with Keystone credentials and keeps the token in script memory, sending it as {@code X-Auth-Token}
 * (docs/dashboard.md); what a script injected into the page could do with it is what the policy
 * below prevents: no script, style or connection but the api-service's own, no framing.
 */
@ApplicationScoped
public class DashboardRoutes {
    static final String PATH = "/dashboard";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    // after RequestIdRouteFilter (-1000), before the static resources and the REST routes
    private static final int ORDER = -900;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::route);
    }

    // one route looking at the path itself: Vert.x's path routes would match "/dashboard/" for
    // "/dashboard" too, and the redirect would answer its own target
    private void route(RoutingContext routing) {
        String path = routing.request().path();
        if (PATH.equals(path)) {
            routing.response().setStatusCode(301).putHeader(HttpHeaders.LOCATION, PATH + "/").end();
        } else if (path != null && path.startsWith(PATH + "/")) {
            secure(routing, path.startsWith(PATH + "/assets/"));
        } else {
            routing.next();
        }
    }

    private void secure(RoutingContext routing, boolean asset) {
        routing.addHeadersEndHandler(ignored -> {
            var headers = routing.response().headers();
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            // the page is re-read on every visit; the assets' names change with their content
            headers.set(HttpHeaders.CACHE_CONTROL, asset ? "public, max-age=31536000, immutable" : "no-cache");
        });
        routing.next();
    }
}
