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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ContainerActionsIT {
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

    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource({
        "start,   Stopped, container_starting",
        "stop,    Running, container_stopping",
        "pause,   Running, container_pausing",
        "unpause, Paused,  container_unpausing",
        "kill,    Running, container_killing",
    })
    void allowedActionSetsTaskStateAndIsCast(String verb, String status, String taskState)
            throws Exception {
        ContainerEntity c = rows.insert("act-" + verb, ContainerStatus.fromValue(status), "node1");
        given().when().post("/container/v1/containers/" + c.uuid + "/" + verb)
                .then().statusCode(202).body(emptyString());
        assertEquals(TaskState.fromValue(taskState), rows.find(c.uuid).orElseThrow().taskState);
        Envelope sent = conductor.next(Duration.ofSeconds(5)).envelope();
        assertEquals(ConductorRpcApi.CONTAINER_ACTION.name(), sent.method());
        assertEquals(c.uuid.toString(), sent.args().get("uuid").asText());
        assertEquals(verb.toUpperCase(), sent.args().get("action").asText());
    }

    @Test
    void rebootMarksRestartingAndPassesTheTimeout() throws Exception {
        ContainerEntity c = rows.insert("reboot-me", ContainerStatus.RUNNING, "node1");
        given().when().post("/container/v1/containers/" + c.uuid + "/reboot?timeout=10")
                .then().statusCode(202);
        ContainerEntity after = rows.find(c.uuid).orElseThrow();
        assertEquals(ContainerStatus.RESTARTING, after.status);
        assertEquals(TaskState.CONTAINER_REBOOTING, after.taskState);
        Envelope sent = conductor.next(Duration.ofSeconds(5)).envelope();
        assertEquals("REBOOT", sent.args().get("action").asText());
        assertEquals(10, sent.args().get("timeoutSeconds").asInt());
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"start, Running", "stop, Stopped", "pause, Paused", "unpause, Running", "reboot, Creating",
            "kill, Stopped", "stop, Creating", "start, Deleting"})
    void actionInWrongStatusIs409NamingTheStatus(String verb, String status) throws Exception {
        ContainerEntity c = rows.insert("wrong-" + verb, ContainerStatus.fromValue(status), "node1");
        given().when().post("/container/v1/containers/" + c.uuid + "/" + verb)
                .then().statusCode(409)
                .body("errors[0].code", equalTo("container.invalid-state-exception"))
                .body("errors[0].detail", equalTo("Cannot " + verb + " container " + c.uuid + " in " + status
                        + " state."));
        ContainerEntity after = rows.find(c.uuid).orElseThrow();
        assertEquals(ContainerStatus.fromValue(status), after.status);
        assertEquals(null, after.taskState);
        assertTrue(conductor.drain().isEmpty());
    }

    /** Zun's signal enum: a name in any of its spellings, or its number, passed on as given; "None" is none. */
    @Test
    void aKillCarriesTheSignalAndAnUnknownOneIs400() throws Exception {
        ContainerEntity c = rows.insert("kill-signal", ContainerStatus.RUNNING, "node1");
        given().when().post("/container/v1/containers/" + c.uuid + "/kill?signal=term").then().statusCode(202);
        assertEquals("term", conductor.next(Duration.ofSeconds(5)).envelope().args().get("signal").asText());
        rows.update(c.uuid, row -> row.taskState = null);
        given().when().post("/container/v1/containers/" + c.uuid + "/kill?signal=None").then().statusCode(202);
        assertTrue(conductor.next(Duration.ofSeconds(5)).envelope().args().get("signal").isNull());
        rows.update(c.uuid, row -> row.taskState = null);

        for (String bad : new String[] {"SIGNOPE", "99", ""}) {
            given().when().post("/container/v1/containers/" + c.uuid + "/kill?signal=" + bad).then().statusCode(400)
                    .body("errors[0].detail", containsString("is not one of"));
        }
        given().when().post("/container/v1/containers/" + c.uuid + "/kill?sig=9").then().statusCode(400);
        assertEquals(null, rows.find(c.uuid).orElseThrow().taskState);
        assertTrue(conductor.drain().isEmpty());
    }

    @Test
    void containerWithoutHostCannotBeStarted() throws Exception {
        ContainerEntity c = rows.insert("never-placed", ContainerStatus.ERROR, null);
        given().when().post("/container/v1/containers/" + c.uuid + "/start")
                .then().statusCode(409)
                .body("errors[0].detail", containsString("Error state"));
        assertTrue(conductor.drain().isEmpty());
    }

    @Test
    void badTimeoutIs400() {
        ContainerEntity c = rows.insert("timeouts", ContainerStatus.RUNNING, "node1");
        for (String timeout : new String[] {"-1", "soon"}) {
            given().when().post("/container/v1/containers/" + c.uuid + "/stop?timeout=" + timeout)
                    .then().statusCode(400).body("errors[0].detail", containsString("'timeout'"));
        }
    }

    @Test
    void actionsOnUnknownContainersAre404() {
        given().when().post("/container/v1/containers/ghost/start")
                .then().statusCode(404).body("errors[0].code", equalTo("container.container-not-found"));
    }
}
