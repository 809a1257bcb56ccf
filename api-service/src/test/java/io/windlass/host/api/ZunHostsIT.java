package io.windlass.host.api;

import io.quarkus.test.junit.QuarkusTest;
import io.windlass.container.ContainerStatus;
import io.windlass.testing.ContainerRows;
import io.windlass.testing.ServerRows;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** Zun's {@code /v1/hosts} and {@code /v1/services} over the compute hosts, as the admin sees them. */
@QuarkusTest
class ZunHostsIT {
    private static final String HOST = "zun-hosts-it";

    @Inject
    ServerRows servers;
    @Inject
    ContainerRows containers;

    @BeforeEach
    void aHostWithAContainer() {
        servers.hostWithImage(HOST);
        containers.insert("zun-hosts-" + System.nanoTime(), ContainerStatus.RUNNING, HOST);
    }

    @Test
    void hostsShowCapacityAndContainersFrom14() {
        String uuid = given().header("OpenStack-API-Version", "container 1.40").get("/container/v1/hosts").then()
                .statusCode(200).body("hosts.hostname", hasItem(HOST))
                .extract().path("hosts.find { it.hostname == '" + HOST + "' }.uuid");
        given().header("OpenStack-API-Version", "container 1.40").get("/container/v1/hosts/" + uuid).then()
                .statusCode(200).body("hostname", equalTo(HOST)).body("cpus", equalTo(64))
                .body("mem_total", equalTo(262144)).body("disk_total", equalTo(1000))
                .body("total_containers", greaterThanOrEqualTo(1)).body("os_type", equalTo("linux"))
                .body("links[0].href", startsWith("http")).body("links[0].rel", equalTo("self"));
        given().header("OpenStack-API-Version", "container 1.40").get("/container/v1/hosts/" + HOST).then()
                .statusCode(200).body("uuid", equalTo(uuid));
        given().header("OpenStack-API-Version", "container 1.40").get("/container/v1/hosts/nowhere").then()
                .statusCode(404);
        given().header("OpenStack-API-Version", "container 1.3").get("/container/v1/hosts").then().statusCode(406);
    }

    @Test
    void servicesAreTheHostsZunComputeAndTheySwitchOffAndOn() {
        given().get("/container/v1/services").then().statusCode(200)
                .body("services.find { it.host == '" + HOST + "' }.binary", equalTo("zun-compute"))
                .body("services.find { it.host == '" + HOST + "' }.state", equalTo("up"));
        given().contentType("application/json").body(Map.of("host", HOST, "binary", "zun-compute",
                "disabled_reason", "maintenance")).put("/container/v1/services/disable").then().statusCode(200)
                .body("service.disabled", equalTo(true)).body("service.disabled_reason", equalTo("maintenance"));
        given().get("/container/v1/services").then().statusCode(200)
                .body("services.find { it.host == '" + HOST + "' }.disabled", equalTo(true));
        given().contentType("application/json").body(Map.of("host", HOST, "binary", "zun-compute"))
                .put("/container/v1/services/enable").then().statusCode(200).body("service.disabled", equalTo(false));
        given().contentType("application/json").body(Map.of("host", HOST, "binary", "nova-compute"))
                .put("/container/v1/services/enable").then().statusCode(400);
        given().contentType("application/json").body(Map.of("host", "nowhere", "binary", "zun-compute"))
                .put("/container/v1/services/enable").then().statusCode(404);
    }
}
