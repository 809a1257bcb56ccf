package io.windlass.api.metrics;

import java.util.List;
import java.util.Locale;

/**
 * The OpenStack API a route template belongs to, by its prefix: the value of the {@code family} tag
 * on {@code http.server.requests}. Identity is served both at the root ({@code /}, {@code /v3}) and
 * under {@code /identity}; re-routed requests carry the root's template.
 */
public enum RouteFamily {
    COMPUTE("/compute"),
    CONTAINER("/container"),
    IMAGE("/image"),
    NETWORK("/network"),
    IDENTITY("/identity", "/v3"),
    /** NOT_FOUND, REDIRECTION, /q/health, /q/metrics, ... */
    OTHER;

    private final List<String> prefixes;

    RouteFamily(String... prefixes) {
        this.prefixes = List.of(prefixes);
    }

    /** What the route template {@code uri} (or a raw path) belongs to; Quarkus tags the root route {@code root}. */
    public static RouteFamily of(String uri) {
        if (uri == null) {
            return OTHER;
        }
        if (uri.equals("/") || uri.equals("root")) {
            return IDENTITY;
        }
        for (RouteFamily family : values()) {
            for (String prefix : family.prefixes) {
                if (uri.equals(prefix) || uri.startsWith(prefix + "/")) {
                    return family;
                }
            }
        }
        return OTHER;
    }

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The template of a request of this family that no route took: {@code /container/UNROUTED}, {@code /UNROUTED}. */
    public String unrouted() {
        return (prefixes.isEmpty() ? "" : prefixes.getFirst()) + "/UNROUTED";
    }
}
