package io.windlass.identity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** {@code windlass.identity.*}: the built-in Keystone v3 subset. */
@ConfigMapping(prefix = "windlass.identity")
public interface IdentityConfig {

    /** Region every catalog endpoint is listed in; clients match it against {@code OS_REGION_NAME}. */
    @WithDefault("RegionOne")
    String region();

    Token token();

    /** How long a revocation may take to reach every replica: revocations are re-read at most this often. */
    @WithDefault("2s")
    Duration revocationCacheTtl();

    Bootstrap bootstrap();

    Lockout lockout();

    /** Token signing and lifetime. */
    interface Token {
        /**
         * HMAC-SHA256 key (any string, at least 32 characters) shared by every replica. Unset:
         * a random key is generated on first start and kept in {@code identity_keys}, so all
         * replicas on the same database agree. Changing it invalidates every issued token.
         */
        Optional<String> signingKey();

        /** How long an issued token is valid (Keystone's {@code [token] expiration}). */
        @WithDefault("1h")
        Duration lifetime();
    }

    /** The administrator created on first start (when the user does not exist yet). */
    interface Bootstrap {
        /** Admin user name, in the Default domain. */
        @WithDefault("admin")
        String adminUser();

        /**
         * Admin password. The default {@value IdentityBootstrapDefaults#DEV_PASSWORD} is for
         * development only; a WARN is logged when it is used to create the admin.
         */
        @WithDefault(IdentityBootstrapDefaults.DEV_PASSWORD)
        String adminPassword();

        /** Project the admin gets the admin role on (and its default project). */
        @WithDefault("admin")
        String adminProject();
    }

    /** Brute-force protection: per-user consecutive failures, counted in the database. */
    interface Lockout {
        /** Failures tolerated before the user is locked out for a while. */
        @WithDefault("5")
        int failureAttempts();

        /** First lockout; each further failure doubles it, up to {@link #maxDuration()}. */
        @WithDefault("2s")
        Duration baseDuration();

        /** Longest lockout. */
        @WithDefault("5m")
        Duration maxDuration();
    }
}
