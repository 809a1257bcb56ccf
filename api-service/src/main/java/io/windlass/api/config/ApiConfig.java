package io.windlass.api.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/** {@code windlass.api.*}: how the public API presents itself and whom it acts for. */
@ConfigMapping(prefix = "windlass.api")
public interface ApiConfig {

    /**
     * Root URL clients reach the API port under, e.g. {@code https://cloud.example.com:8774}: the
     * root of every link and of the service catalog. Set it in production; when unset, links are
     * built from the request's Host (and X-Forwarded-Proto/Host if trusted), which a client chooses.
     */
    Optional<String> publicUrl();

    /**
     * Whether X-Forwarded-Proto/Host name the root when {@link #publicUrl()} is unset. Only behind a
     * proxy that sets them and drops the clients' own: otherwise one forged header makes the catalog
     * send a client's token to another host.
     */
    @WithDefault("false")
    boolean trustForwardedHeaders();

    /** Largest page a list returns, whatever {@code limit} asks for (Zun's {@code [api] max_limit}). */
    @WithDefault("1000")
    int maxLimit();

    /**
     * The largest request body, answered 413 in the API family's error format past it; image data
     * uploads have their own, {@code windlass.image.upload.max-size}. Quarkus' own limit
     * ({@code quarkus.http.limits.max-body-size}) is set to that larger one, so that it never
     * answers first with an empty 413.
     */
    @WithDefault("10M")
    MemorySize maxBodySize();

    /** Who every request acts as until identity is wired in. */
    DefaultContext defaultContext();

    /** The request head Windlass accepts ({@code io.windlass.api.http.RequestHeadLimits}). */
    RequestHead requestHead();

    /**
     * Limits of the request line and headers, answered 414 and 431 in the API family's error format.
     * They must stay below {@code quarkus.http.limits.max-initial-line-length} and
     * {@code max-header-size}, past which Vert.x refuses on its own, with an empty body and no request id.
     */
    interface RequestHead {

        /** Longest request line (method, target, version) in bytes; eventlet's (Nova's) limit. */
        @WithDefault("8192")
        int maxLineLength();

        /** Largest sum of the header lines in bytes; Quarkus' own default. */
        @WithDefault("20480")
        int maxHeaderSize();
    }

    /** The identity assumed for requests while the API has no authentication. */
    interface DefaultContext {

        /** Project every request is scoped to. */
        @WithDefault("default")
        String projectId();

        /** Acting user. */
        @WithDefault("admin")
        String userId();

        /** Roles of the acting user; {@code admin} unlocks the admin-only policy rules. */
        @WithDefault("admin,member,reader")
        List<String> roles();
    }
}
