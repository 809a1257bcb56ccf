package io.windlass.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.rpc.Envelope;
import io.windlass.server.VmState;
import io.windlass.testing.ProjectMember;
import io.windlass.testing.RealTokens;
import io.windlass.testing.RpcQueueProbe;
import io.windlass.testing.ServerRows;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Nova's rescue and unrescue with real tokens: the task state, the action and the cast in one
 * transaction, 200 with the password; state, lock, image and schema refusals are Nova's and change
 * nothing.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class ServerRescueIT {
    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;
    @Inject
    ServerRows rows;

    private RpcQueueProbe conductor;
    private String project;
    private String member;

    @BeforeEach
    void aProjectWithAMember() throws Exception {
        conductor = RpcQueueProbe.on("conductor", json);
        ProjectMember users = ProjectMember.create("rescue");
        project = users.project();
        member = users.member();
        rows.hostWithImage("rescue-host");
    }

    @AfterEach
    void close() throws Exception {
        conductor.close();
    }

    private ValidatableResponse action(UUID id, String name, Object body) {
        return given().header("X-Auth-Token", member).contentType("application/json")
                .body(Collections.singletonMap(name, body))
                .post("/compute/v2.1/servers/" + id + "/action").then();
    }

    private String taskState(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select task_state from servers where uuid = ?1").setParameter(1, id).getSingleResult());
    }

    @Test
    void aRescueAnswersThePasswordAndAsksTheConductorWithTheImage() throws Exception {
        UUID id = rows.insert(project, "rescue-host", VmState.ACTIVE);
        action(id, "rescue", Map.of("adminPass", "s3cret", "rescue_image_ref", ServerRows.IMAGE_ID)).statusCode(200)
                .body("adminPass", equalTo("s3cret"));
        Envelope sent = conductor.next(Duration.ofSeconds(5)).envelope();
        assertEquals(ConductorRpcApi.RESCUE_SERVER.name(), sent.method());
        assertEquals(id.toString(), sent.args().get("uuid").asText());
        assertEquals(ServerRows.IMAGE, sent.args().get("image").asText());
        assertEquals("rescuing", taskState(id));
        // busy: Nova's words
        action(id, "rescue", null).statusCode(409).body("conflictingRequest.message",
                equalTo("Cannot 'rescue' instance " + id + " while it is in task_state rescuing"));

        // a stopped server, no body: its own image and a generated password
        UUID stopped = rows.insert(project, "rescue-host", VmState.STOPPED);
        action(stopped, "rescue", null).statusCode(200).body("adminPass", matchesPattern("[A-Za-z0-9]{12}"));
        Envelope own = conductor.next(Duration.ofSeconds(5)).envelope();
        assertEquals(ServerRows.IMAGE, own.args().get("image").asText());

        UUID rescued = rows.insert(project, "rescue-host", VmState.RESCUED);
        given().header("X-Auth-Token", member).header("OpenStack-API-Version", "compute 2.75")
                .get("/compute/v2.1/servers/" + rescued).then().statusCode(200)
                .body("server.status", equalTo("RESCUE"));
        action(rescued, "unrescue", null).statusCode(202);
        Envelope unrescue = conductor.next(Duration.ofSeconds(5)).envelope();
        assertEquals(ConductorRpcApi.UNRESCUE_SERVER.name(), unrescue.method());
        assertEquals("unrescuing", taskState(rescued));
        // a rescued server is neither rebooted nor rescued again
        UUID other = rows.insert(project, "rescue-host", VmState.RESCUED);
        action(other, "reboot", Map.of("type", "HARD")).statusCode(409).body("conflictingRequest.message",
                equalTo("Cannot 'reboot' instance " + other + " while it is in vm_state rescued"));
        action(other, "rescue", null).statusCode(409);
        // a stop is taken, as Nova's: it ends the rescue
        action(other, "os-stop", null).statusCode(202);
        assertEquals("powering-off", taskState(other));
    }

    @Test
    void refusalsAreNovasAndLeaveTheServerAsItWas() {
        UUID paused = rows.insert(project, "rescue-host", VmState.PAUSED);
        action(paused, "rescue", null).statusCode(409).body("conflictingRequest.message",
                equalTo("Cannot 'rescue' instance " + paused + " while it is in vm_state paused"));
        UUID id = rows.insert(project, "rescue-host", VmState.ACTIVE);
        action(id, "unrescue", null).statusCode(409).body("conflictingRequest.message",
                equalTo("Cannot 'unrescue' instance " + id + " while it is in vm_state active"));
        action(id, "rescue", Map.of("rescue_image_ref", UUID.randomUUID().toString())).statusCode(400);
        action(id, "rescue", Map.of("rescue_image_ref", "not-a-uuid")).statusCode(400);
        action(id, "rescue", Map.of("adminPass", 7)).statusCode(400);
        action(id, "rescue", Map.of("other", "x")).statusCode(400);
        action(UUID.randomUUID(), "rescue", null).statusCode(404);
        action(id, "lock", null).statusCode(202);
        action(id, "rescue", null).statusCode(409);
        assertNull(taskState(id));
        given().header("X-Auth-Token", member).get("/compute/v2.1/servers/" + id).then().statusCode(200)
                .body("server.status", equalTo("ACTIVE")).body("server.\"OS-EXT-STS:task_state\"", nullValue());
    }
}
