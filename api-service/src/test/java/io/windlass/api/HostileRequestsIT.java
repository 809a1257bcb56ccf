package io.windlass.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/**
 * Requests that clients or attackers send and that must still get a clear answer: a NUL character
 * in a path, a query or a JSON body is a 400 in the family's own format, with a request id, before
 * anything reaches PostgreSQL (which would refuse it with a 500), also where no token is needed.
 */
@QuarkusTest
class HostileRequestsIT {
    private static final String REQUEST_ID = "req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void inTheUnauthenticatedTokenRequestBody() {
        given().contentType("application/json").body("{\"auth\": {\"identity\": {\"methods\": [\"password\"], "
                        + "\"password\": {\"user\": {\"name\": \"ad\\u0000min\", \"domain\": {\"id\": \"default\"}, "
                        + "\"password\": \"x\"}}}}}")
                .when().post("/v3/auth/tokens")
                .then().statusCode(400)
                .header("X-OpenStack-Request-Id", matchesPattern(REQUEST_ID))
                .body("error.code", equalTo(400))
                .body("error.message", containsString("NUL character"))
                .body("error.message", not(containsString("com.fasterxml")));
    }

    @Test
    void inAContainerCreateBody() {
        given().contentType("application/json").body("{\"image\": \"busybox\", \"name\": \"a\\u0000b\"}")
                .when().post("/container/v1/containers")
                .then().statusCode(400)
                .header("X-OpenStack-Request-Id", matchesPattern(REQUEST_ID))
                .body("errors[0].code", equalTo("container.schema-validation-error"))
                .body("errors[0].detail", containsString("NUL character"));
    }

    @Test
    void inAPathOrAQueryParameter() {
        given().urlEncodingEnabled(false).when().get("/container/v1/containers/ab%00cd")
                .then().statusCode(400)
                .header("X-OpenStack-Request-Id", matchesPattern(REQUEST_ID))
                .body("errors[0].detail", equalTo("The request path contains a NUL character (%00)."));
        given().urlEncodingEnabled(false).when().get("/compute/v2.1/servers/detail?limit=1&name=web%00")
                .then().statusCode(400)
                .header("X-OpenStack-Request-Id", matchesPattern(REQUEST_ID))
                .body("badRequest.message", equalTo("The query parameter 'name' contains a NUL character (%00)."));
    }
}
