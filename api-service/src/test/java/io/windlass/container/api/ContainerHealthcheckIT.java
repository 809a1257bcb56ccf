package io.windlass.container.api;

import io.quarkus.test.junit.QuarkusTest;
import io.windlass.container.ContainerHealthcheck;
import io.windlass.testing.ContainerRows;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Zun's {@code healthcheck} (1.22): asked with {@code cmd}, kept and shown with {@code test}, the engine's
 * verdict (reported by the host, written by the conductor) shown as its {@code status}.
 */
@QuarkusTest
class ContainerHealthcheckIT {
    @Inject
    ContainerRows rows;

    @Test
    void theCheckIsKeptAsZunShowsItAndTheHostsVerdictWithIt() {
        String uuid = given().header("OpenStack-API-Version", "container 1.22").contentType("application/json")
                .body(Map.of("image", "busybox", "healthcheck", Map.of("cmd", "test -f /tmp/ready", "interval", 5,
                        "retries", 2)))
                .when().post("/container/v1/containers").then().statusCode(202)
                .body("healthcheck.test", equalTo("test -f /tmp/ready"))
                .body("healthcheck.interval", equalTo(5))
                .body("healthcheck.retries", equalTo(2))
                // the times not asked are left out, as Zun keeps the request's dict
                .body("healthcheck", not(hasKey("timeout")))
                .body("healthcheck", hasKey("status"))
                .body("healthcheck.status", nullValue())
                .extract().path("uuid");
        assertEquals(new ContainerHealthcheck("test -f /tmp/ready", 5, 2, null, null),
                rows.find(UUID.fromString(uuid)).orElseThrow().healthcheck);

        rows.writeAsConductor(UUID.fromString(uuid), "health_status = 'unhealthy', status = 'Running', "
                + "status_detail = 'Up 2 minutes (unhealthy)'");
        given().header("OpenStack-API-Version", "container 1.40").when().get("/container/v1/containers/" + uuid).then()
                .statusCode(200).body("healthcheck.status", equalTo("unhealthy"))
                .body("healthcheck.test", equalTo("test -f /tmp/ready"))
                .body("status_detail", equalTo("Up 2 minutes (unhealthy)"));

        rows.writeAsConductor(UUID.fromString(uuid), "status = 'Error'");
        given().header("OpenStack-API-Version", "container 1.40").when()
                .delete("/container/v1/containers/" + uuid).then().statusCode(204);
    }

    @Test
    void withoutOneTheFieldIsNull() {
        String uuid = given().header("OpenStack-API-Version", "container 1.40").contentType("application/json")
                .body(Map.of("image", "busybox", "healthcheck", Map.of()))
                .when().post("/container/v1/containers").then().statusCode(202)
                .body("healthcheck", nullValue()).extract().path("uuid");
        given().header("OpenStack-API-Version", "container 1.40").when()
                .delete("/container/v1/containers/" + uuid + "?force=True").then().statusCode(204);
    }
}
