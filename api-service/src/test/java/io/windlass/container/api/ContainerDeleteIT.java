package io.windlass.container.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.container.ContainerStatus;
import io.windlass.container.TaskState;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.rpc.Envelope;
import io.windlass.testing.ContainerRows;
import io.windlass.testing.RpcQueueProbe;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ContainerDeleteIT {
    @Inject
    ContainerRows rows;
    @Inject
    ObjectMapper json;

    private RpcQueueProbe conductor;

    @BeforeEach
    void probe() throws Exception {
        conductor = RpcQueueProbe.on("conductor", json);
    }

    @AfterEach
    void close() throws Exception {
        conductor.close();
    }

    @Test
    void containerWithoutHostIsDeletedAtOnce() throws Exception {
        ContainerEntity c = rows.insert("no-host", ContainerStatus.ERROR, null);
        given().when().delete("/container/v1/containers/" + c.uuid + "?force=False&stop=False&all_projects=False")
                .then().statusCode(204);
        assertFalse(rows.find(c.uuid).isPresent());
        assertTrue(conductor.drain().isEmpty());
    }

    @Test
    void placedContainerIsMarkedDeletingAndCast() throws Exception {
        ContainerEntity c = rows.insert("stopped-one", ContainerStatus.STOPPED, "node1");
        given().when().delete("/container/v1/containers/stopped-one")
                .then().statusCode(204);
        ContainerEntity after = rows.find(c.uuid).orElseThrow();
        assertEquals(ContainerStatus.DELETING, after.status);
        assertEquals(TaskState.CONTAINER_DELETING, after.taskState);
        Envelope sent = conductor.next(Duration.ofSeconds(5)).envelope();
        assertEquals(ConductorRpcApi.DELETE_CONTAINER.name(), sent.method());
        assertEquals(c.uuid.toString(), sent.args().get("uuid").asText());
        assertFalse(sent.args().get("force").asBoolean());
    }

    @Test
    void runningContainerNeedsForceOrStop() throws Exception {
        ContainerEntity c = rows.insert("busy", ContainerStatus.RUNNING, "node1");
        given().when().delete("/container/v1/containers/" + c.uuid)
                .then().statusCode(409)
                .body("errors[0].code", equalTo("container.invalid-state-exception"))
                .body("errors[0].detail", equalTo("Cannot delete container " + c.uuid + " in Running state."));
        assertEquals(ContainerStatus.RUNNING, rows.find(c.uuid).orElseThrow().status);

        given().header("OpenStack-API-Version", "container 1.7")
                .when().delete("/container/v1/containers/" + c.uuid + "?force=True")
                .then().statusCode(204);
        Envelope sent = conductor.next(Duration.ofSeconds(5)).envelope();
        assertTrue(sent.args().get("force").asBoolean());
        assertEquals(ContainerStatus.DELETING, rows.find(c.uuid).orElseThrow().status);
    }

    @Test
    void stopThenDeleteIsAvailableFrom112() throws Exception {
        ContainerEntity c = rows.insert("stop-first", ContainerStatus.RUNNING, "node1");
        given().header("OpenStack-API-Version", "container 1.11")
                .when().delete("/container/v1/containers/" + c.uuid + "?stop=true")
                .then().statusCode(400).body("errors[0].code", equalTo("container.invalid-param-in-version"));
        given().header("OpenStack-API-Version", "container 1.12")
                .when().delete("/container/v1/containers/" + c.uuid + "?stop=true")
                .then().statusCode(204);
        assertTrue(conductor.next(Duration.ofSeconds(5)).envelope().args().get("stop").asBoolean());
    }

    @Test
    void forceBefore17Is400() {
        ContainerEntity c = rows.insert("old-client", ContainerStatus.RUNNING, "node1");
        given().when().delete("/container/v1/containers/" + c.uuid + "?force=true")
                .then().statusCode(400)
                .body("errors[0].detail", containsString("force is only supported from version 1.7"));
        assertEquals(ContainerStatus.RUNNING, rows.find(c.uuid).orElseThrow().status);
    }

    @Test
    void pausedContainerCannotBeDeletedEvenByForce() {
        ContainerEntity c = rows.insert("paused", ContainerStatus.PAUSED, "node1");
        given().header("OpenStack-API-Version", "container 1.40")
                .when().delete("/container/v1/containers/" + c.uuid + "?force=true")
                .then().statusCode(409).body("errors[0].detail", containsString("Paused state"));
    }

    @Test
    void badBooleanIs400() {
        ContainerEntity c = rows.insert("bool", ContainerStatus.STOPPED, "node1");
        given().when().delete("/container/v1/containers/" + c.uuid + "?force=perhaps")
                .then().statusCode(400).body("errors[0].detail", containsString("'force'"));
    }
}
