package io.windlass.container.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.container.ContainerStatus;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.rpc.RpcReply;
import io.windlass.testing.ContainerRows;
import io.windlass.testing.RpcQueueProbe;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ContainerUpdateIT {
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
    void nameAndAutoHealAreSavedWithoutAskingAnyone() throws Exception {
        ContainerEntity c = rows.insert("before", ContainerStatus.RUNNING, "node1");
        given().contentType("application/json").body("{\"name\": \"after\", \"auto_heal\": true}")
                .when().patch("/container/v1/containers/before")
                .then().statusCode(200)
                .body("name", equalTo("after"))
                .body("auto_heal", equalTo(true));
        ContainerEntity saved = rows.find(c.uuid).orElseThrow();
        assertEquals("after", saved.name);
        assertTrue(saved.autoHeal);
        assertTrue(conductor.drain().isEmpty());
    }

    @Test
    void memoryChangeIsALiveResizeThroughTheConductor() throws Exception {
        ContainerEntity c = rows.insert("grow", ContainerStatus.RUNNING, "node1");
        CompletableFuture<Response> patch = CompletableFuture.supplyAsync(() -> given()
                .contentType("application/json").body("{\"memory\": \"256\", \"cpu\": \"2\"}")
                .when().patch("/container/v1/containers/" + c.uuid));
        RpcQueueProbe.Received call = conductor.next(Duration.ofSeconds(5));
        assertEquals(ConductorRpcApi.RESIZE_CONTAINER.name(), call.envelope().method());
        assertEquals(256, call.envelope().args().get("memoryMb").asInt());
        assertEquals(2.0, call.envelope().args().get("cpu").asDouble());
        // the conductor saves the new limits before it answers
        rows.writeAsConductor(c.uuid, "memory = 256, cpu = 2.0");
        conductor.reply(call, new RpcReply(null, null));
        patch.get().then().statusCode(200).body("memory", equalTo("256")).body("cpu", equalTo(2.0f));
    }

    @Test
    void noRoomOnTheHostIs409() throws Exception {
        ContainerEntity c = rows.insert("too-big", ContainerStatus.RUNNING, "node1");
        CompletableFuture<Response> patch = CompletableFuture.supplyAsync(() -> given()
                .contentType("application/json").body("{\"memory\": 8000}")
                .when().patch("/container/v1/containers/" + c.uuid));
        RpcQueueProbe.Received call = conductor.next(Duration.ofSeconds(5));
        conductor.reply(call, new RpcReply(null,
                new RpcReply.RemoteError("ResourcesUnavailable", "Not enough memory on node1")));
        patch.get().then().statusCode(409)
                .body("errors[0].code", equalTo("container.resources-unavailable"))
                .body("errors[0].detail", equalTo("Not enough memory on node1"));
        assertEquals(512, rows.find(c.uuid).orElseThrow().memory);
    }

    @Test
    void silentConductorIs503() throws Exception {
        ContainerEntity c = rows.insert("nobody-home", ContainerStatus.RUNNING, "node1");
        given().contentType("application/json").body("{\"cpu\": 0.5}")
                .when().patch("/container/v1/containers/" + c.uuid)
                .then().statusCode(503).body("errors[0].status", equalTo(503));
    }

    @Test
    void invalidPatchesAre400And409() {
        ContainerEntity c = rows.insert("strict", ContainerStatus.RUNNING, "node1");
        given().contentType("application/json").body("{\"image\": \"other\"}")
                .when().patch("/container/v1/containers/" + c.uuid)
                .then().statusCode(400).body("errors[0].detail", containsString("'image'"));
        given().contentType("application/json").body("{\"memory\": \"lots\"}")
                .when().patch("/container/v1/containers/" + c.uuid)
                .then().statusCode(400).body("errors[0].detail", containsString("'memory'"));
        ContainerEntity creating = rows.insert("in-flight", ContainerStatus.CREATING, null);
        given().contentType("application/json").body("{\"name\": \"renamed\"}")
                .when().patch("/container/v1/containers/" + creating.uuid)
                .then().statusCode(409)
                .body("errors[0].detail", equalTo("Cannot update container " + creating.uuid + " in Creating state."));
    }

    @Test
    void renameExistsOnlyUpTo113() {
        ContainerEntity c = rows.insert("old-name", ContainerStatus.RUNNING, "node1");
        given().header("OpenStack-API-Version", "container 1.13")
                .when().post("/container/v1/containers/" + c.uuid + "/rename?name=new-name")
                .then().statusCode(200).body("name", equalTo("new-name"));
        given().header("OpenStack-API-Version", "container 1.13")
                .when().post("/container/v1/containers/" + c.uuid + "/rename?name=new-name")
                .then().statusCode(409)
                .body("errors[0].detail", equalTo("The new name for the container is the same as the old name."));
        given().header("OpenStack-API-Version", "container 1.14")
                .when().post("/container/v1/containers/" + c.uuid + "/rename?name=newer-name")
                .then().statusCode(406).body("errors[0].status", equalTo(406));
        assertEquals("new-name", rows.find(c.uuid).orElseThrow().name);
    }
}
