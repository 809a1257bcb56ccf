package io.windlass.host.api;

import io.quarkus.test.junit.QuarkusTest;
import io.windlass.testing.ComputeHostRows;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** os-services and os-availability-zone over compute_hosts and aggregate zones. */
@QuarkusTest
class ServicesAndZonesIT {
    @Inject
    ComputeHostRows rows;

    @BeforeEach
    void hosts() {
        rows.clear();
        rows.insertHost("h-up", 0);
        rows.insertHost("h-down", 600);
    }

    /** Aggregate 1 with zone az1, holding h-up. */
    private static void putHostUpInZoneAz1() {
        given().contentType("application/json").body(Map.of("aggregate", Map.of("name", "a", "availability_zone", "az1")))
                .when().post("/compute/v2.1/os-aggregates").then().statusCode(200);
        given().contentType("application/json").body(Map.of("add_host", Map.of("host", "h-up")))
                .when().post("/compute/v2.1/os-aggregates/1/action").then().statusCode(200);
    }

    @Test
    void listShowsStateZoneAndVersionedIds() {
        putHostUpInZoneAz1();

        given().when().get("/compute/v2.1/os-services").then().statusCode(200)
                .body("services", hasSize(2))
                .body("services[0].id", equalTo(1))
                .body("services[0].binary", equalTo("nova-compute"))
                .body("services[0].host", equalTo("h-up"))
                .body("services[0].zone", equalTo("az1"))
                .body("services[0].status", equalTo("enabled"))
                .body("services[0].state", equalTo("up"))
                .body("services[0].updated_at", matchesPattern("\\d{4}-\\d{2}-\\d{2}T[0-9:.]{15}"))
                .body("services[0].disabled_reason", nullValue())
                .body("services[0].forced_down", nullValue())
                .body("services[1].zone", equalTo("nova"))
                .body("services[1].state", equalTo("down"));
        given().header("OpenStack-API-Version", "compute 2.69").when().get("/compute/v2.1/os-services")
                .then().statusCode(200)
                .body("services[0].id", matchesPattern("[0-9a-f-]{36}"))
                .body("services[0].forced_down", equalTo(false));
    }

    @Test
    void disableByUuidFrom253AndLegacyActionBefore() {
        String id = given().header("OpenStack-API-Version", "compute 2.53").when().get("/compute/v2.1/os-services?host=h-up")
                .then().statusCode(200).extract().path("services[0].id");
        given().header("OpenStack-API-Version", "compute 2.53").contentType("application/json")
                .body(Map.of("status", "disabled", "disabled_reason", "maintenance"))
                .when().put("/compute/v2.1/os-services/" + id).then().statusCode(200)
                .body("service.status", equalTo("disabled"))
                .body("service.disabled_reason", equalTo("maintenance"));
        given().when().get("/compute/v2.1/os-availability-zone").then().statusCode(200)
                .body("availabilityZoneInfo.find { it.zoneName == 'nova' }.zoneState.available", equalTo(true));

        given().contentType("application/json").body(Map.of("host", "h-down", "binary", "nova-compute"))
                .when().put("/compute/v2.1/os-services/disable").then().statusCode(200)
                .body("service.status", equalTo("disabled"));
        given().when().get("/compute/v2.1/os-availability-zone").then().statusCode(200)
                .body("availabilityZoneInfo", hasSize(1))
                .body("availabilityZoneInfo[0].zoneState.available", equalTo(false));

        given().header("OpenStack-API-Version", "compute 2.53").contentType("application/json")
                .body(Map.of("status", "bogus")).when().put("/compute/v2.1/os-services/" + id)
                .then().statusCode(400).body("badRequest.code", equalTo(400));
        given().header("OpenStack-API-Version", "compute 2.53").contentType("application/json")
                .body(Map.of("status", "enabled")).when().put("/compute/v2.1/os-services/" + java.util.UUID.randomUUID())
                .then().statusCode(404).body("itemNotFound.code", equalTo(404));
        given().header("OpenStack-API-Version", "compute 2.53").contentType("application/json")
                .body(Map.of("status", "enabled")).when().put("/compute/v2.1/os-services/" + id)
                .then().statusCode(200).body("service.status", equalTo("enabled"))
                .body("service.disabled_reason", nullValue());
    }

    @Test
    void zonesAndDetail() {
        putHostUpInZoneAz1();
        given().when().get("/compute/v2.1/os-availability-zone").then().statusCode(200)
                .body("availabilityZoneInfo.zoneName", contains("az1", "nova"))
                .body("availabilityZoneInfo[0].zoneState.available", equalTo(true))
                .body("availabilityZoneInfo[0].hosts", nullValue());
        given().when().get("/compute/v2.1/os-availability-zone/detail").then().statusCode(200)
                .body("availabilityZoneInfo[0].hosts.h-up.nova-compute.available", equalTo(true))
                .body("availabilityZoneInfo[0].hosts.h-up.nova-compute.active", equalTo(true))
                .body("availabilityZoneInfo[1].hosts.h-down.nova-compute.available", equalTo(false))
                .body("availabilityZoneInfo[1].hosts.h-down.nova-compute.updated_at", notNullValue());
    }
}
