package io.windlass.api.microversion;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriBuilder;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Zun re-routes any path whose first segment is not {@code v1} under {@code /v1}; that is
 * what makes the {@code bookmark} links ({@code /container/containers/<uuid>}) work.
 * Runs before microversion negotiation so bookmarks are negotiated like v1 paths.
 */
public class BookmarkRouteFilter {
    private static final String PREFIX = "/container/";

    @ServerRequestFilter(preMatching = true, priority = 150)
    public void reroute(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith(PREFIX) || path.length() == PREFIX.length()) {
            return;
        }
        String rest = path.substring(PREFIX.length());
        if (rest.equals("v1") || rest.startsWith("v1/")) {
            return;
        }
        request.setRequestUri(UriBuilder.fromUri(request.getUriInfo().getRequestUri())
                .replacePath(PREFIX + "v1/" + rest).build());
    }
}
