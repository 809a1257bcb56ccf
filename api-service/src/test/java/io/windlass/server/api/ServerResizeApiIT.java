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
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nova's resize, migrate, confirmResize and revertResize with real tokens, as the api-service accepts
 * them: Nova's refusals (same flavor, unknown flavor, smaller disk, quota, state, policy, hosts), and
 * each accepted one recorded with its task state, its migration record and cast to the conductor.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class ServerResizeApiIT {
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
        ProjectMember users = ProjectMember.create("resize");
        admin = users.admin();
        project = users.project();
        member = users.member();
        // a host of one machine: no underlay address, so the resize's migration record has no dest_host
        rows.hostWithImage("resize-host");
    }

    @AfterEach
    void close() throws Exception {
        conductor.close();
    }

    private ValidatableResponse action(UUID id, String name, Object body) {
        Map<String, Object> action = new HashMap<>();
        action.put(name, body);
        return given().header("X-Auth-Token", member).header("OpenStack-API-Version", "compute 2.95")
                .contentType("application/json").body(action).post("/compute/v2.1/servers/" + id + "/action").then();
    }

    private String column(UUID id, String column) {
        return String.valueOf(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select cast(" + column + " as text) from servers where uuid = ?1").setParameter(1, id)
                .getSingleResult()));
    }

    @Test
    void aResizeIsRecordedAndCastAndNovasRefusalsChangeNothing() throws Exception {
        UUID id = rows.insert(project, "resize-host", VmState.ACTIVE);
        action(id, "resize", Map.of("flavorRef", "0")).statusCode(400)
                .body("badRequest.message", equalTo("When resizing, instances must change flavor!"));
        action(id, "resize", Map.of("flavorRef", "nope")).statusCode(400)
                .body("badRequest.message", equalTo("Unable to locate requested flavor."));
        action(id, "resize", Map.of()).statusCode(400);
        rows.set(id.toString(), "root_gb = 5");
        action(id, "resize", Map.of("flavorRef", "1")).statusCode(400).body("badRequest.message",
                equalTo("Server disk was unable to be resized because: Unable to resize disk down."));
        rows.set(id.toString(), "root_gb = 0");
        given().header("X-Auth-Token", admin).contentType("application/json")
                .body(Map.of("quota_set", Map.of("cores", 0))).put("/compute/v2.1/os-quota-sets/" + project)
                .then().statusCode(200);
        action(id, "resize", Map.of("flavorRef", "1")).statusCode(403);
        given().header("X-Auth-Token", admin).delete("/compute/v2.1/os-quota-sets/" + project).then().statusCode(202);
        action(id, "confirmResize", null).statusCode(409).body("conflictingRequest.message",
                equalTo("Cannot 'confirmResize' instance " + id + " while it is in vm_state active"));
        assertEquals("null", column(id, "task_state"));

        action(id, "resize", Map.of("flavorRef", "1", "OS-DCF:diskConfig", "AUTO")).statusCode(202);
        Envelope sent = conductor.next(Duration.ofSeconds(5)).envelope();
        assertEquals(ConductorRpcApi.RESIZE_SERVER.name(), sent.method());
        assertEquals("resize_prep", column(id, "task_state"));
        // the disk config the resize names is the server's from then on (Tempest's test_disk_config)
        given().header("X-Auth-Token", member).get("/compute/v2.1/servers/" + id).then().statusCode(200)
                .body("server.'OS-DCF:diskConfig'", equalTo("AUTO"));
        assertTrue(column(id, "new_flavor").contains("\"name\": \"m1.tiny\""), column(id, "new_flavor"));
        given().header("X-Auth-Token", member).get("/compute/v2.1/servers/" + id).then().statusCode(200)
                .body("server.status", equalTo("RESIZE"));
        action(id, "resize", Map.of("flavorRef", "2")).statusCode(409);

        // as the conductor leaves it once the host applied the new flavor
        rows.set(id.toString(), "task_state = null, vm_state = 'resized', new_flavor = null");
        given().header("X-Auth-Token", member).get("/compute/v2.1/servers/" + id).then().statusCode(200)
                .body("server.status", equalTo("VERIFY_RESIZE"));
        action(id, "confirmResize", null).statusCode(204);
        assertEquals(ConductorRpcApi.CONFIRM_RESIZE.name(), conductor.next(Duration.ofSeconds(5)).envelope().method());
        assertEquals("resize_confirming", column(id, "task_state"));
        action(id, "revertResize", null).statusCode(409);
        rows.set(id.toString(), "task_state = null");
        action(id, "revertResize", null).statusCode(202);
        assertEquals(ConductorRpcApi.REVERT_RESIZE.name(), conductor.next(Duration.ofSeconds(5)).envelope().method());
        given().header("X-Auth-Token", member).get("/compute/v2.1/servers/" + id).then().statusCode(200)
                .body("server.status", equalTo("REVERT_RESIZE"));
    }

    private ValidatableResponse migrate(String token, String version, Object id, Object body) {
        Map<String, Object> action = new HashMap<>();
        action.put("migrate", body);
        return given().header("X-Auth-Token", token).header("OpenStack-API-Version", "compute " + version)
                .contentType("application/json").body(action).post("/compute/v2.1/servers/" + id + "/action").then();
    }

    @Test
    void aMigrateIsRecordedAndCastAndNovasRefusalsChangeNothing() throws Exception {
        rows.hostWithImage("resize-host-2");
        UUID id = rows.insert(project, "resize-host", VmState.ACTIVE);
        migrate(admin, "2.1", UUID.randomUUID(), null).statusCode(404).body("itemNotFound.message",
                org.hamcrest.Matchers.startsWith("Instance "));
        migrate(member, "2.1", id, null).statusCode(403).body("forbidden.message",
                equalTo("Policy doesn't allow os_compute_api:os-migrate-server:migrate to be performed."));
        migrate(member, "2.56", id, Map.of("host", "resize-host-2")).statusCode(403).body("forbidden.message",
                equalTo("Policy doesn't allow os_compute_api:os-migrate-server:migrate:host to be performed."));
        migrate(admin, "2.56", id, Map.of("host", "nowhere")).statusCode(400).body("badRequest.message",
                equalTo("Compute host nowhere could not be found."));
        migrate(admin, "2.56", id, Map.of("host", "resize-host")).statusCode(400).body("badRequest.message",
                equalTo("Cannot migrate to the host where the server exists."));
        migrate(admin, "2.56", id, Map.of("host", "resize-host-2", "force", true)).statusCode(400);
        migrate(admin, "2.55", id, Map.of("host", "resize-host-2", "anything", 1)).statusCode(202);
        Envelope sent = conductor.next(Duration.ofSeconds(5)).envelope();
        assertEquals(ConductorRpcApi.MIGRATE_SERVER.name(), sent.method());
        assertTrue(sent.args().path("host").isNull(), "a host is read from 2.56 only: " + sent.args());
        assertEquals("resize_prep", column(id, "task_state"));
        assertTrue(column(id, "new_flavor").contains("\"name\": \"" + column(id, "flavor_name") + "\""),
                "its own flavor: " + column(id, "new_flavor"));
        given().header("X-Auth-Token", admin).header("OpenStack-API-Version", "compute 2.59")
                .get("/compute/v2.1/os-migrations?instance_uuid=" + id).then().statusCode(200)
                .body("migrations[0].migration_type", equalTo("migration"))
                .body("migrations[0].status", equalTo("pre-migrating"))
                .body("migrations[0].source_compute", equalTo("resize-host"));
        migrate(admin, "2.56", id, null).statusCode(409).body("conflictingRequest.message",
                equalTo("Cannot 'migrate' instance " + id + " while it is in task_state resize_prep"));

        rows.set(id.toString(), "task_state = null");
        migrate(admin, "2.56", id, Map.of("host", "resize-host-2")).statusCode(202);
        Envelope named = conductor.next(Duration.ofSeconds(5)).envelope();
        assertEquals("resize-host-2", named.args().path("host").asText());
    }
}
