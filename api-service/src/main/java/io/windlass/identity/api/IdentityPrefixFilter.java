package io.windlass.identity.api;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriBuilder;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Identity is served both under {@code /identity} and at the port's root ({@code /},
 * {@code /v3}), so that either form of {@code OS_AUTH_URL} works. Requests under the
 * prefix are re-routed to the root resources; the prefix is remembered so that the links
 * handed back point where the client came from.
 */
public class IdentityPrefixFilter {
    public static final String PREFIX = "/identity";
    /** Routing-context key holding the prefix the client used ("" at the root). */
    public static final String PREFIX_PROPERTY = IdentityPrefixFilter.class.getName() + ".prefix";

    @ServerRequestFilter(preMatching = true, priority = 50)
    public void reroute(ContainerRequestContext request, RoutingContext routing) {
        String path = request.getUriInfo().getPath();
        String rest = unprefixed(path);
        if (rest.equals(path)) {
            routing.put(PREFIX_PROPERTY, "");
            return;
        }
        routing.put(PREFIX_PROPERTY, PREFIX);
        request.setRequestUri(UriBuilder.fromUri(request.getUriInfo().getRequestUri()).replacePath(rest).build());
    }

    /** The path the identity resources see: {@code path} without the {@code /identity} prefix, else as it is. */
    public static String unprefixed(String path) {
        if (!path.equals(PREFIX) && !path.startsWith(PREFIX + "/")) {
            return path;
        }
        String rest = path.substring(PREFIX.length());
        return rest.isEmpty() ? "/" : rest;
    }

    /** The identity root the client used: {@code root} or {@code root/identity}. */
    public static String base(String root, RoutingContext routing) {
        Object prefix = routing.get(PREFIX_PROPERTY);
        return root + (prefix == null ? "" : prefix);
    }

    /** Whether a (re-routed) path belongs to the identity API. */
    public static boolean isIdentityPath(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.isEmpty() || p.equals("v3") || p.startsWith("v3/");
    }
}
