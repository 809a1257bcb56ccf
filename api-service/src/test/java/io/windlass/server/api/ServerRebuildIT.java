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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Nova's rebuild with real tokens: the row takes what the request names and the rebuild is cast
 * in one transaction; the answer is the server with the password; state, lock, image, key and
 * schema refusals are Nova's and change nothing.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class ServerRebuildIT {
    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;
    @Inject
    ServerRows rows;

    private RpcQueueProbe conductor;
    private String admin;
    private String project;
    private String member;

    @BeforeEach
    void aProjectWithAMember() throws Exception {
        conductor = RpcQueueProbe.on("conductor", json);
        ProjectMember users = ProjectMember.create("rebuild");
        admin = users.admin();
        project = users.project();
        member = users.member();
        rows.hostWithImage("rebuild-host");
    }

    @AfterEach
    void close() throws Exception {
        conductor.close();
    }

    private ValidatableResponse rebuild(String version, UUID id, Map<String, Object> body) {
        return given().header("X-Auth-Token", member).header("OpenStack-API-Version", "compute " + version)
                .contentType("application/json").body(Map.of("rebuild", body))
                .post("/compute/v2.1/servers/" + id + "/action").then();
    }

    @Test
    void theRowTakesWhatTheRebuildNamesAndTheConductorIsAsked() throws Exception {
        UUID id = rows.insert(project, "rebuild-host", VmState.ACTIVE);
        String key = given().header("X-Auth-Token", member).header("OpenStack-API-Version", "compute 2.2")
                .contentType("application/json").body(Map.of("keypair", Map.of("name", "rk")))
                .post("/compute/v2.1/os-keypairs").then().statusCode(201).extract().path("keypair.public_key");

        rebuild("2.57", id, Map.of("imageRef", ServerRows.IMAGE_ID, "name", "renamed", "metadata", Map.of("a", "b"),
                "key_name", "rk", "user_data", "aGk=", "adminPass", "s3cret", "preserve_ephemeral", true))
                .statusCode(202)
                .body("server.id", equalTo(id.toString())).body("server.name", equalTo("renamed"))
                .body("server.adminPass", equalTo("s3cret")).body("server.key_name", equalTo("rk"))
                .body("server.user_data", equalTo("aGk=")).body("server.metadata", equalTo(Map.of("a", "b")))
                .body("server.status", equalTo("REBUILD"));
        Envelope sent = conductor.next(Duration.ofSeconds(5)).envelope();
        assertEquals(ConductorRpcApi.REBUILD_SERVER.name(), sent.method());
        assertEquals(id.toString(), sent.args().get("uuid").asText());
        assertEquals(List.of("renamed", ServerRows.IMAGE, "aGk=", "rk", key, "rebuilding"),
                QuarkusTransaction.requiringNew().call(() -> List.of((Object[]) em.createNativeQuery(
                        "select name, image, user_data, key_name, key_data, task_state from servers where uuid = ?1")
                        .setParameter(1, id).getSingleResult())).stream().map(String::valueOf).toList());

        // busy now: Nova's words, and nothing changes
        rebuild("2.57", id, Map.of("imageRef", ServerRows.IMAGE_ID, "name", "again")).statusCode(409)
                .body("conflictingRequest.message", equalTo("Cannot 'rebuild' instance " + id
                        + " while it is in task_state rebuilding"));
    }

    @Test
    void refusalsAreNovasAndLeaveTheServerAsItWas() {
        UUID paused = rows.insert(project, "rebuild-host", VmState.PAUSED);
        rebuild("2.1", paused, Map.of("imageRef", ServerRows.IMAGE_ID)).statusCode(409)
                .body("conflictingRequest.message", equalTo("Cannot 'rebuild' instance " + paused
                        + " while it is in vm_state paused"));
        UUID id = rows.insert(project, "rebuild-host", VmState.STOPPED);
        rebuild("2.1", id, Map.of("imageRef", UUID.randomUUID().toString())).statusCode(400)
                .body("badRequest.message", equalTo("Cannot find image for rebuild"));
        rebuild("2.1", id, Map.of("imageRef", "not-a-uuid")).statusCode(400);
        rebuild("2.1", id, Map.of("name", "x")).statusCode(400);
        rebuild("2.53", id, Map.of("imageRef", ServerRows.IMAGE_ID, "key_name", "k")).statusCode(400);
        rebuild("2.54", id, Map.of("imageRef", ServerRows.IMAGE_ID, "key_name", "nope")).statusCode(400)
                .body("badRequest.message", equalTo("Invalid key_name provided."));
        rebuild("2.57", id, Map.of("imageRef", ServerRows.IMAGE_ID, "personality", List.of())).statusCode(400);
        rebuild("2.1", UUID.randomUUID(), Map.of("imageRef", ServerRows.IMAGE_ID)).statusCode(404);
        given().header("X-Auth-Token", member).contentType("application/json").body(Map.of("lock", Map.of()))
                .post("/compute/v2.1/servers/" + id + "/action").then().statusCode(202);
        rebuild("2.1", id, Map.of("imageRef", ServerRows.IMAGE_ID)).statusCode(409);
        given().header("X-Auth-Token", member).header("OpenStack-API-Version", "compute 2.75")
                .get("/compute/v2.1/servers/" + id).then().statusCode(200)
                .body("server.status", equalTo("SHUTOFF")).body("server.\"OS-EXT-STS:task_state\"", nullValue());

        // a stopped server is rebuilt (and stays off, its host decides); 2.75 answers the whole server
        given().header("X-Auth-Token", member).contentType("application/json").body(Map.of("unlock", Map.of()))
                .post("/compute/v2.1/servers/" + id + "/action").then().statusCode(202);
        rebuild("2.75", id, Map.of("imageRef", ServerRows.IMAGE_ID)).statusCode(202)
                .body("server.adminPass", notNullValue())
                .body("server", hasKey("OS-EXT-STS:vm_state")).body("server", hasKey("user_data"));
        rebuild("2.56", id, Map.of("imageRef", ServerRows.IMAGE_ID)).statusCode(409);
        // an admin's 2.75 answer has the extended attributes, but the user data only as user_data
        // (Tempest's ServersAdmin275Test.test_rebuild_update_server_275)
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE servers SET task_state = NULL WHERE uuid = cast(:u as uuid)").setParameter("u", id.toString())
                .executeUpdate());
        given().header("X-Auth-Token", admin).header("OpenStack-API-Version", "compute 2.75")
                .contentType("application/json").body(Map.of("rebuild", Map.of("imageRef", ServerRows.IMAGE_ID)))
                .post("/compute/v2.1/servers/" + id + "/action").then().statusCode(202)
                .body("server", hasKey("OS-EXT-SRV-ATTR:host")).body("server", hasKey("user_data"))
                .body("server", not(hasKey("OS-EXT-SRV-ATTR:user_data")));
    }
}
