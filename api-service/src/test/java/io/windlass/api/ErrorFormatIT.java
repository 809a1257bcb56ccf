package io.windlass.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** Nothing leaves the API in a non-Zun error format, and every answer carries a request id. */
@QuarkusTest
class ErrorFormatIT {
    private static final String REQUEST_ID = "req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void unknownRouteUnderV1Is404InZunFormat() {
        given().when().get("/container/v1/nothing-here")
                .then().statusCode(404)
                .header("X-OpenStack-Request-Id", matchesPattern(REQUEST_ID))
                .header("OpenStack-API-Version", equalTo("container 1.1"))
                .body("errors", hasSize(1))
                .body("errors[0].status", equalTo(404))
                .body("errors[0].code", equalTo("container.not-found"))
                .body("errors[0].links", hasSize(0));
    }

    @Test
    void pathsOutsideTheApiStillCarryTheRequestId() {
        given().when().get("/nowhere/at/all")
                .then().statusCode(404)
                .header("X-OpenStack-Request-Id", matchesPattern(REQUEST_ID));
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .header("X-OpenStack-Request-Id", matchesPattern(REQUEST_ID))
                .body("status", equalTo("UP"))
                // ready with the database; not with the broker, which it does not need (casts wait in
                // the outbox), so that a balancer keeps the api replicas through a broker restart
                .body("checks.name", org.hamcrest.Matchers.hasItem("Database connections health check"))
                .body("checks.name", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("rabbitmq")));
        // live unless wedged: the database is readiness' business, never liveness'
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(
                        "Database connections health check")));
    }

    @Test
    void wrongMethodIs405() {
        given().when().put("/container/v1/containers")
                .then().statusCode(405)
                .body("errors[0].status", equalTo(405))
                .body("errors[0].code", equalTo("container.method-not-allowed"));
    }

    @Test
    void malformedJsonIs400WithoutStackTrace() {
        given().contentType("application/json").body("{\"image\": \"busybox\",")
                .when().post("/container/v1/containers")
                .then().statusCode(400)
                .body("errors[0].status", equalTo(400))
                .body("errors[0].code", equalTo("container.schema-validation-error"))
                .body("errors[0].detail", not(containsString("at io.")));
    }

    @Test
    void wrongContentTypeOnCreateIs415() {
        given().contentType("text/plain").body("image=busybox")
                .when().post("/container/v1/containers")
                .then().statusCode(415)
                .body("errors[0].status", equalTo(415))
                .body("errors[0].code", equalTo("container.unsupported-media-type"));
    }

    @Test
    void eachRequestGetsItsOwnId() {
        String first = given().when().get("/container").then().extract().header("X-OpenStack-Request-Id");
        String second = given().when().get("/container").then().extract().header("X-OpenStack-Request-Id");
        org.junit.jupiter.api.Assertions.assertNotEquals(first, second);
    }
}
