package io.windlass.api.auth;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.windlass.testing.Keystone;
import io.windlass.testing.RealTokens;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code strategy=keystone} against our own identity API playing the external Keystone:
 * the Keystone URL names the port this very service is listening on.
 */
@QuarkusTest
@TestProfile(KeystoneStrategyIT.OwnIdentityAsKeystone.class)
class KeystoneStrategyIT {

    /** Keystone strategy, with this service's own {@code /identity/v3} as the Keystone. */
    public static class OwnIdentityAsKeystone implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(new RealTokens().getConfigOverrides());
            config.put("windlass.auth.strategy", "keystone");
            // Quarkus publishes the port it actually bound (test-port=0) under the same key
            config.put("windlass.auth.keystone.url", "http://127.0.0.1:${quarkus.http.test-port}/identity/v3");
            config.put("windlass.auth.keystone.cache-ttl", "1s");
            return config;
        }
    }

    @Test
    void tokensAreValidatedByTheExternalKeystoneAndCached() throws InterruptedException {
        String token = Keystone.adminToken();
        given().header("X-Auth-Token", token).when().get("/container/v1/containers").then().statusCode(200);
        // cached: still accepted right after a revocation, refused once the cache entry expires
        given().header("X-Auth-Token", token).header("X-Subject-Token", token)
                .when().delete("/v3/auth/tokens").then().statusCode(204);
        Thread.sleep(3_000);
        given().header("X-Auth-Token", token).when().get("/container/v1/containers").then().statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.containsString("/identity/v3"));
        given().header("X-Auth-Token", "garbage").when().get("/container/v1/containers").then().statusCode(401)
                .body("errors[0].status", equalTo(401));
    }
}
