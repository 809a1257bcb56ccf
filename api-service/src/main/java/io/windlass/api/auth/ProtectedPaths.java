package io.windlass.api.auth;

import java.util.Set;

/**
 * Which paths need a token. Version documents stay public (clients read them before they
 * authenticate), and {@code /v3/auth/*} checks its own tokens; everything else under an
 * API prefix is protected.
 */
public final class ProtectedPaths {
    private static final Set<String> VERSION_DOCUMENTS = Set.of("", "v3", "container", "container/v1",
            "compute", "compute/v2.1", "image", "image/versions", "network");
    private static final Set<String> API_PREFIXES = Set.of("container", "compute", "image", "network", "v3");

    private ProtectedPaths() {
    }

    public static boolean isProtected(String path) {
        String p = normalise(path);
        if (VERSION_DOCUMENTS.contains(p) || p.startsWith("v3/auth/")) {
            return false;
        }
        int slash = p.indexOf('/');
        return API_PREFIXES.contains(slash < 0 ? p : p.substring(0, slash));
    }

    private static String normalise(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
