package io.windlass.api.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** {@code windlass.auth.*}: how the protected APIs learn who is calling. */
@ConfigMapping(prefix = "windlass.auth")
public interface AuthConfig {

    /**
     * {@code windlass}: tokens issued by this service's own identity API (default).
     * {@code keystone}: tokens of an external Keystone, validated against its API.
     * {@code noauth}: no authentication, every request acts as {@code windlass.api.default-context}
     * (development only; a WARN says so at start).
     */
    @WithDefault("windlass")
    Strategy strategy();

    Keystone keystone();

    enum Strategy { WINDLASS, KEYSTONE, NOAUTH }

    /** The external Keystone, for {@code strategy=keystone}. */
    interface Keystone {
        /** Its v3 URL, e.g. {@code https://keystone.example.com:5000/v3}. */
        Optional<String> url();

        /**
         * A service token to validate with (sent as X-Auth-Token). Unset: each token validates
         * itself, which Keystone allows.
         */
        Optional<String> serviceToken();

        /** How long a validation is reused before Keystone is asked again. */
        @WithDefault("30s")
        Duration cacheTtl();

        /** Most validations kept at once. */
        @WithDefault("10000")
        int cacheSize();

        /** Timeout of one validation request. */
        @WithDefault("5s")
        Duration timeout();
    }
}
