package io.windlass.container.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.container.ContainerStatus;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.rpc.Envelope;
import io.windlass.testing.ContainerRows;
import io.windlass.testing.RpcQueueProbe;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ContainerCreateIT {
    @Inject
    ObjectMapper json;
    @Inject
    ContainerRows rows;

    @Inject
    io.windlass.testing.ComputeHostRows hosts;

    private RpcQueueProbe conductor;

    @BeforeEach
    void probeConductorQueue() throws Exception {
        conductor = RpcQueueProbe.on("conductor", json);
    }

    @AfterEach
    void closeProbe() throws Exception {
        conductor.close();
    }

    @Test
    void zunclientRunIsAcceptedStoredAndSentToTheConductor() throws Exception {
        String incomingId = "req-" + UUID.randomUUID();
        Response response = given()
                .header("OpenStack-API-Version", "container 1.40")
                .header("X-OpenStack-Request-ID", incomingId)
                .header("Host", "cloud.test:8774")
                .contentType("application/json")
                .body("""
                        {"name": "c1", "image": "busybox", "memory": "128", "cpu": "0.5", "environment": {"A": "b"},
                         "labels": {"app": "web"}, "auto_remove": false, "command": ["sleep", "100"], "hints": {},
                         "nets": [], "mounts": [], "restart_policy": {"Name": "on-failure", "MaximumRetryCount": 3}}
                        """)
                .when().post("/container/v1/containers?run=true");
        response.then().statusCode(202)
                .header("OpenStack-API-Version", equalTo("container 1.40"))
                .body("name", equalTo("c1"))
                .body("image", equalTo("busybox"))
                .body("status", equalTo("Creating"))
                .body("memory", equalTo("128"))
                .body("cpu", instanceOf(Float.class))
                .body("cpu", equalTo(0.5f))
                .body("command", equalTo(List.of("sleep", "100")))
                .body("restart_policy.Name", equalTo("on-failure"))
                .body("restart_policy.MaximumRetryCount", equalTo("3"))
                .body("environment.A", equalTo("b"))
                .body("labels.app", equalTo("web"))
                .body("project_id", equalTo("default"))
                .body("user_id", equalTo("admin"))
                .body("task_state", nullValue())
                .body("host", nullValue())
                .body("healthcheck", nullValue())
                .body("registry_id", nullValue())
                .body("privileged", equalTo(false))
                .body("cpu_policy", equalTo("shared"))
                .body("image_driver", equalTo("docker"))
                .body("created_at", matchesPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}"));
        String uuid = response.path("uuid");
        String requestId = response.header("X-OpenStack-Request-Id");
        assertNotEquals(incomingId, requestId, "the service answers with its own id");
        assertEquals("http://cloud.test:8774/container/v1/containers/" + uuid, response.header("Location"));
        assertEquals("http://cloud.test:8774/container/v1/containers/" + uuid, response.path("links[0].href"));
        assertEquals("http://cloud.test:8774/container/containers/" + uuid, response.path("links[1].href"));

        ContainerEntity row = rows.find(UUID.fromString(uuid)).orElseThrow();
        assertEquals(ContainerStatus.CREATING, row.status);
        assertEquals(128, row.memory);
        assertEquals(0.5, row.cpu);
        assertEquals(List.of("sleep", "100"), row.command);
        assertEquals(3, row.restartPolicy.maximumRetryCount());

        Envelope sent = conductor.next(Duration.ofSeconds(5)).envelope();
        assertEquals(ConductorRpcApi.BUILD_CONTAINER.name(), sent.method());
        assertEquals("1.0", sent.version(), "build_container is a 1.0 method: any conductor since 1.0 serves it");
        assertEquals(uuid, sent.args().get("uuid").asText());
        assertTrue(sent.args().get("run").asBoolean());
        assertEquals(requestId, sent.context().requestId());
        assertEquals(incomingId, sent.context().globalRequestId());
        assertEquals("default", sent.context().projectId());
    }

    @Test
    void defaultsApplyAndANameIsGenerated() throws Exception {
        Response response = given().contentType("application/json")
                .body("{\"image\": \"busybox\", \"command\": \"sh -c 'echo hi there'\"}")
                .when().post("/container/v1/containers");
        response.then().statusCode(202)
                .body("name", matchesPattern("[a-z]+-[a-z]+-container"))
                .body("memory", equalTo("512"))
                .body("cpu", equalTo(1.0f))
                .body("disk", equalTo(0))
                .body("command", equalTo(List.of("sh", "-c", "echo hi there")))
                .body("restart_policy", equalTo(Map.of("Name", "no", "MaximumRetryCount", "0")));
        Envelope sent = conductor.next(Duration.ofSeconds(5)).envelope();
        assertEquals(response.path("uuid").toString(), sent.args().get("uuid").asText());
        assertEquals(false, sent.args().get("run").asBoolean(), "run defaults to false");
    }

    @Test
    void availabilityZoneAndHintsAreStoredForTheScheduler() {
        String uuid = given().contentType("application/json")
                .body("""
                        {"image": "busybox", "availability_zone": "az1",
                         "hints": {"same_host": "0b6b4f7e-2c3a-4c86-9f3e-5b9c1e0f6a11", "different_host": ["a", "b"]}}
                        """)
                .when().post("/container/v1/containers")
                .then().statusCode(202).extract().path("uuid");
        ContainerEntity row = rows.find(UUID.fromString(uuid)).orElseThrow();
        assertEquals("az1", row.availabilityZone);
        assertEquals(Map.of("same_host", List.of("0b6b4f7e-2c3a-4c86-9f3e-5b9c1e0f6a11"),
                "different_host", List.of("a", "b")), row.schedulerHints);
    }

    @Test
    void malformedHintsAreRefusedNamingTheField() {
        given().contentType("application/json")
                .body("{\"image\": \"busybox\", \"hints\": {\"same_host\": 5}}")
                .when().post("/container/v1/containers")
                .then().statusCode(400)
                .body(containsString("hints"));
    }

    @Test
    void numbersAreAcceptedWhereZunAcceptsThem() {
        given().contentType("application/json")
                .body("{\"image\": \"busybox\", \"cpu\": 2, \"memory\": 64, "
                        + "\"restart_policy\": {\"Name\": \"no\", \"MaximumRetryCount\": \"5\"}}")
                .when().post("/container/v1/containers")
                .then().statusCode(202)
                .body("memory", equalTo("64"))
                .body("cpu", equalTo(2.0f))
                .body("restart_policy.MaximumRetryCount", equalTo("0"));
    }

    @Test
    void privilegedIsDeniedToEverybody() {
        long before = rows.count();
        given().header("OpenStack-API-Version", "container 1.21").contentType("application/json")
                .body("{\"image\": \"busybox\", \"privileged\": true}")
                .when().post("/container/v1/containers")
                .then().statusCode(403)
                .body("errors[0].code", equalTo("container.policy-not-authorized"))
                .body("errors[0].detail", equalTo("Policy doesn't allow container:create:privileged to be performed."));
        assertEquals(before, rows.count());
    }

    @Test
    void anAdminsRequestedHostMustExistAndIsKeptForTheScheduler() {
        hosts.insertHost("requested-host-1", 0);
        given().header("OpenStack-API-Version", "container 1.39").contentType("application/json")
                .body("{\"image\": \"busybox\", \"host\": \"no-such-host\"}")
                .when().post("/container/v1/containers").then().statusCode(404)
                .body("errors[0].detail", equalTo("Compute host no-such-host could not be found."));
        String uuid = given().header("OpenStack-API-Version", "container 1.39").contentType("application/json")
                .body("{\"image\": \"busybox\", \"host\": \"requested-host-1\"}")
                .when().post("/container/v1/containers").then().statusCode(202).extract().path("uuid");
        assertEquals("requested-host-1", rows.find(UUID.fromString(uuid)).orElseThrow().requestedHost);
        given().header("OpenStack-API-Version", "container 1.38").contentType("application/json")
                .body("{\"image\": \"busybox\", \"host\": \"requested-host-1\"}")
                .when().post("/container/v1/containers").then().statusCode(400);
    }
}
