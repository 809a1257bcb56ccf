package io.windlass.api;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/** A bug surfaces as Zun's opaque 500: a correlation id for the operator, no internals for the client. */
@QuarkusTest
class UnexpectedFailureIT {

    /** A route that fails the way a programming error would; exists only in the test application. */
    @Path("/container/v1/test-only/broken")
    public static class BrokenResource {
        @GET
        public String fail() {
            throw new IllegalStateException("secret internal detail");
        }
    }

    @Test
    void unexpectedExceptionIsAnOpaque500() {
        given().when().get("/container/v1/test-only/broken")
                .then().statusCode(500)
                .header("X-OpenStack-Request-Id", matchesPattern("req-.{36}"))
                .header("OpenStack-API-Version", equalTo("container 1.1"))
                .body("errors[0].status", equalTo(500))
                .body("errors[0].code", equalTo("container."))
                .body("errors[0].title", equalTo("Internal Server Error"))
                .body("errors[0].detail", matchesPattern(".*Error Correlation id is: [0-9a-f-]{36}"))
                .body("errors[0].detail", not(containsString("secret")));
    }
}
