package io.windlass.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.rpc.Envelope;
import io.windlass.server.VmState;
import io.windlass.server.persistence.ServerRepository;
import io.windlass.testing.Keystone;
import io.windlass.testing.RealTokens;
import io.windlass.testing.RpcQueueProbe;
import io.windlass.testing.ServerRows;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /servers/{id}/action} {@code evacuate} with real tokens: Nova's wire format per
 * microversion, its refusals and their order, and the admin-only policy. The test stands in for the
 * conductor and writes hosts' heartbeats itself.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class ServerEvacuateIT {
    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;
    @Inject
    ServerRepository servers;
    @Inject
    ServerRows rows;

    private RpcQueueProbe conductor;
    private String admin;
    private String project;
    private String member;

    @BeforeEach
    void setUp() throws Exception {
        removeTestRows();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO compute_hosts (host, driver, vcpus, memory_mb, disk_gb, last_heartbeat_at) VALUES
                ('ev-down', 'docker', 4, 8192, 100, now() - interval '10 minutes'),
                ('ev-up', 'docker', 4, 8192, 100, now()),
                ('ev-spare', 'docker', 4, 8192, 100, now())""").executeUpdate());
        conductor = RpcQueueProbe.on("conductor", json);
        admin = Keystone.adminToken();
        String name = Keystone.unique("ev");
        project = Keystone.createProject(admin, name);
        Keystone.createUser(admin, name, "pw", project, "member");
        member = Keystone.token(name, "pw", name);
    }

    @AfterEach
    void cleanUp() throws Exception {
        conductor.close();
        removeTestRows();
    }

    private void removeTestRows() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("DELETE FROM migrations WHERE source_compute IN ('ev-down', 'ev-up', 'ev-spare')")
                    .executeUpdate();
            em.createNativeQuery("DELETE FROM servers WHERE host IN ('ev-down', 'ev-up', 'ev-spare')").executeUpdate();
            em.createNativeQuery("DELETE FROM compute_hosts WHERE host IN ('ev-down', 'ev-up', 'ev-spare')")
                    .executeUpdate();
        });
    }

    @Test
    void beforeTwoFourteenTheAnswerIsTheNewPasswordAndTheConductorIsAskedToMoveTheServer() throws Exception {
        UUID id = server(VmState.ACTIVE, "ev-down");
        Response evacuated = evacuate("2.1", id, Map.of("onSharedStorage", "False"));
        evacuated.then().statusCode(200);
        assertEquals(12, evacuated.jsonPath().getString("adminPass").length(), evacuated.asString());
        Envelope sent = conductor.next(Duration.ofSeconds(5)).envelope();
        assertEquals(ConductorRpcApi.EVACUATE_SERVER.name(), sent.method());
        assertEquals(id.toString(), sent.args().get("uuid").asText());
        assertEquals("ev-down", sent.args().get("sourceHost").asText());
        assertTrue(sent.args().get("host").isNull());
        assertEquals(false, sent.args().get("stopped").asBoolean());
        as(admin, "2.1").get("/compute/v2.1/servers/" + id).then().statusCode(200)
                .body("server.status", equalTo("REBUILD"))
                .body("server.OS-EXT-STS:task_state", equalTo("rebuilding"))
                .body("server.OS-EXT-SRV-ATTR:host", equalTo("ev-down"));
        // Nova's record of it, for operators
        as(admin, "2.59").queryParam("instance_uuid", id.toString()).get("/compute/v2.1/os-migrations").then()
                .statusCode(200).body("migrations.size()", equalTo(1))
                .body("migrations[0].migration_type", equalTo("evacuation"))
                .body("migrations[0].status", equalTo("accepted"))
                .body("migrations[0].source_compute", equalTo("ev-down"))
                .body("migrations[0].dest_compute", nullValue());
        // a second evacuation waits for the first
        evacuate("2.1", id, Map.of("onSharedStorage", false)).then().statusCode(409)
                .body("conflictingRequest.message", equalTo("Cannot 'evacuate' instance " + id
                        + " while it is in task_state rebuilding"));

        idle(id);
        evacuate("2.1", id, Map.of("onSharedStorage", true)).then().statusCode(200)
                .body("$", hasKey("adminPass")).body("adminPass", nullValue());
        idle(id);
        evacuate("2.13", id, Map.of("onSharedStorage", false, "adminPass", "s3cret")).then().statusCode(200)
                .body("adminPass", equalTo("s3cret"));
        conductor.drain();
    }

    @Test
    void fromTwoFourteenThereIsNoBodyAndFromTwoNinetyFiveTheServerEndsStopped() throws Exception {
        UUID id = server(VmState.ACTIVE, "ev-down");
        Response evacuated = evacuate("2.14", id, Map.of());
        evacuated.then().statusCode(200);
        assertEquals("", evacuated.asString());
        assertEquals(false, conductor.next(Duration.ofSeconds(5)).envelope().args().get("stopped").asBoolean());

        idle(id);
        evacuate("2.95", id, Map.of("host", "ev-spare")).then().statusCode(200);
        Envelope sent = conductor.next(Duration.ofSeconds(5)).envelope();
        assertEquals("ev-spare", sent.args().get("host").asText());
        assertEquals(true, sent.args().get("stopped").asBoolean());

        idle(id);
        evacuate("2.29", id, Map.of("host", "ev-spare", "force", "true")).then().statusCode(200);
        conductor.next(Duration.ofSeconds(5));
    }

    @Test
    void novasRefusalsInNovasWords() throws Exception {
        UUID id = server(VmState.ACTIVE, "ev-down");
        evacuate("2.1", id, Map.of()).then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input for field/attribute evacuate. Value: {}. "
                        + "'onSharedStorage' is a required property"));
        evacuate("2.14", id, Map.of("onSharedStorage", false)).then().statusCode(400);
        evacuate("2.68", id, Map.of("host", "ev-spare", "force", true)).then().statusCode(400);
        evacuate("2.1", id, Map.of("onSharedStorage", true, "adminPass", "pw")).then().statusCode(400)
                .body("badRequest.message", equalTo("admin password can't be changed on existing disk"));
        evacuate("2.29", id, Map.of("force", true)).then().statusCode(400)
                .body("badRequest.message", equalTo("Can't force to a non-provided destination"));
        evacuate("2.95", id, Map.of("host", "nowhere")).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Compute host nowhere not found."));
        evacuate("2.95", id, Map.of("host", "ev-down")).then().statusCode(400)
                .body("badRequest.message", equalTo("The target host can't be the same one."));

        UUID onALiveHost = server(VmState.ACTIVE, "ev-up");
        evacuate("2.95", onALiveHost, Map.of()).then().statusCode(400)
                .body("badRequest.message", equalTo("Compute service of ev-up is still in use."));
        UUID paused = server(VmState.PAUSED, "ev-down");
        evacuate("2.95", paused, Map.of()).then().statusCode(409)
                .body("conflictingRequest.message", equalTo("Cannot 'evacuate' instance " + paused
                        + " while it is in vm_state paused"));
        evacuate("2.95", UUID.randomUUID(), Map.of()).then().statusCode(404);
        assertEquals(0, conductor.drain().size(), "nothing refused reached the conductor");
        assertEquals(null, servers.findLive(id).orElseThrow().taskState);
    }

    @Test
    void onlyAdminsEvacuateAndAnotherProjectsServerIsNotFound() throws Exception {
        UUID mine = server(VmState.ACTIVE, "ev-down");
        evacuate(member, "2.95", mine, Map.of()).then().statusCode(403)
                .body("forbidden.message", equalTo("Policy doesn't allow os_compute_api:os-evacuate to be performed."));
        String otherName = Keystone.unique("ev-other");
        String otherProject = Keystone.createProject(admin, otherName);
        Keystone.createUser(admin, otherName, "pw", otherProject, "member");
        evacuate(Keystone.token(otherName, "pw", otherName), "2.95", mine, Map.of()).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Instance " + mine + " could not be found."));
        assertEquals(0, conductor.drain().size());
    }

    /** A launched server of the test's project on {@code host}, as the conductor would have left it. */
    private UUID server(VmState vmState, String host) {
        return rows.insert(project, host, vmState);
    }

    /** The evacuation the conductor would have ended (or failed). */
    private void idle(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE servers SET task_state = NULL WHERE uuid = :uuid").setParameter("uuid", id).executeUpdate());
    }

    private Response evacuate(String version, UUID id, Map<String, Object> evacuate) {
        return evacuate(admin, version, id, evacuate);
    }

    private static Response evacuate(String token, String version, UUID id, Map<String, Object> evacuate) {
        return as(token, version).contentType("application/json").body(Map.of("evacuate", evacuate))
                .post("/compute/v2.1/servers/" + id + "/action");
    }

    private static RequestSpecification as(String token, String version) {
        return given().header("X-Auth-Token", token).header("OpenStack-API-Version", "compute " + version);
    }
}
