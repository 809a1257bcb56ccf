package io.windlass.api.context;

import io.vertx.core.http.HttpServerRequest;
import io.windlass.api.config.ApiConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** Where clients reach this API: the root that links and Location headers start with. */
@ApplicationScoped
public class PublicUrl {
    private final ApiConfig config;

    public PublicUrl(ApiConfig config) {
        this.config = config;
    }

    /** {@code scheme://host[:port]} without a trailing slash. */
    public String root(HttpServerRequest request) {
        if (config.publicUrl().isPresent()) {
            return stripSlash(config.publicUrl().get());
        }
        // behind a proxy the request's own host is internal; trust what the proxy says, if told to
        boolean forwarded = config.trustForwardedHeaders();
        String scheme = forwarded ? firstValue(request.getHeader("X-Forwarded-Proto")) : null;
        String host = forwarded ? firstValue(request.getHeader("X-Forwarded-Host")) : null;
        if (scheme == null) {
            scheme = request.scheme();
        }
        if (host == null) {
            host = request.authority() != null ? request.authority().toString() : request.getHeader("Host");
        }
        return scheme + "://" + host;
    }

    private static String firstValue(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        int comma = header.indexOf(',');
        return (comma < 0 ? header : header.substring(0, comma)).strip();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
