package io.windlass.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Runs the api-service with its own tokens required, as in production (the default test profile is noauth). */
public class RealTokens implements QuarkusTestProfile {
    public static final String ADMIN_PASSWORD = "it-admin-secret";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("windlass.auth.strategy", "windlass",
                "windlass.identity.bootstrap.admin-password", ADMIN_PASSWORD,
                "windlass.identity.lockout.failure-attempts", "3",
                "windlass.quota.containers", "5");
    }
}
