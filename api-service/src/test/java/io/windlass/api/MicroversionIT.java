package io.windlass.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

@QuarkusTest
class MicroversionIT {

    @Test
    void absentHeaderMeansTheMinimum() {
        given().when().get("/container/v1/containers")
                .then().statusCode(200)
                .header("OpenStack-API-Version", equalTo("container 1.1"))
                .header("OpenStack-API-Minimum-Version", equalTo("container 1.1"))
                .header("OpenStack-API-Maximum-Version", equalTo("container 1.40"))
                .header("Vary", equalTo("OpenStack-API-Version"));
    }

    @Test
    void requestedVersionIsEchoed() {
        given().header("OpenStack-API-Version", "container 1.23")
                .when().get("/container/v1/containers")
                .then().statusCode(200)
                .header("OpenStack-API-Version", equalTo("container 1.23"));
    }

    @Test
    void latestMeansTheMaximum() {
        given().header("OpenStack-API-Version", "container latest")
                .when().get("/container/v1/containers")
                .then().statusCode(200)
                .header("OpenStack-API-Version", equalTo("container 1.40"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"container 1.41", "container 1.0", "container 2.1", "container abc", "container",
            "compute 1.5", "container 1.5.1"})
    void unacceptableVersionsAre406WithZunBody(String header) {
        given().header("OpenStack-API-Version", header)
                .when().get("/container/v1/containers")
                .then().statusCode(406)
                .header("X-OpenStack-Request-Id", matchesPattern("req-.{36}"))
                .header("OpenStack-API-Maximum-Version", equalTo("container 1.40"))
                .body("errors[0].status", equalTo(406))
                .body("errors[0].code", equalTo("container.not-acceptable"))
                .body("errors[0].request_id", equalTo(""))
                .body("errors[0].detail", containsString("1.40"));
    }

    @Test
    void discoveryIsNotUnderMicroversionControl() {
        given().header("OpenStack-API-Version", "container 9.9")
                .when().get("/container")
                .then().statusCode(200);
    }
}
