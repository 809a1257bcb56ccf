package io.windlass.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Behind a proxy that is trusted to set them, X-Forwarded-Proto/Host decide the links. */
@QuarkusTest
@TestProfile(TrustedProxyIT.BehindAProxy.class)
class TrustedProxyIT {

    public static class BehindAProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("windlass.api.trust-forwarded-headers", "true");
        }
    }

    @Test
    void forwardedHeadersDecideTheLinks() {
        given().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "api.example.org")
                .when().get("/container")
                .then().statusCode(200)
                .body("default_version.links[0].href", equalTo("https://api.example.org/container/v1/"));
    }
}
