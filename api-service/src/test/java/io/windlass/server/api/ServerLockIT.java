package io.windlass.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.server.VmState;
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
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Nova's {@code lock} and {@code unlock} with real tokens: the owner's lock refuses the owner's
 * actions and delete but not an admin's; an admin's lock cannot be lifted by the owner without
 * {@code unlock_override}; {@code locked_reason} from 2.73, validated as Nova validates it.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class ServerLockIT {
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
        admin = Keystone.adminToken();
        String name = Keystone.unique("lock");
        project = Keystone.createProject(admin, name);
        Keystone.createUser(admin, name, "pw", project, "member");
        member = Keystone.token(name, "pw", name);
    }

    @AfterEach
    void close() throws Exception {
        conductor.close();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM servers WHERE project_id = :p")
                .setParameter("p", project).executeUpdate());
    }

    private UUID activeServer() {
        return rows.insert(project, "lock-host", VmState.ACTIVE);
    }

    private static ValidatableResponse action(String token, String version, UUID id, String name, Object body) {
        Map<String, Object> action = new HashMap<>();
        action.put(name, body);
        return given().header("X-Auth-Token", token).header("OpenStack-API-Version", "compute " + version)
                .contentType("application/json").body(action).post("/compute/v2.1/servers/" + id + "/action").then();
    }

    @Test
    void forceDeleteAndRestoreFindNoSoftDeletedServerAsWindlassDeletesAtOnce() {
        UUID id = activeServer();
        action(member, "2.1", id, "restore", null).statusCode(409).body("conflictingRequest.message",
                org.hamcrest.Matchers.equalTo("Cannot 'restore' instance " + id + " while it is in vm_state active"));
        action(member, "2.1", id, "forceDelete", null).statusCode(409);
        action(member, "2.1", UUID.randomUUID(), "forceDelete", null).statusCode(404);
    }

    private static ValidatableResponse show(String token, UUID id) {
        return given().header("X-Auth-Token", token).header("OpenStack-API-Version", "compute 2.73")
                .get("/compute/v2.1/servers/" + id).then().statusCode(200);
    }

    @Test
    void theOwnersLockStopsTheOwnerButNotAnAdmin() throws Exception {
        UUID id = activeServer();
        action(member, "2.73", id, "lock", Map.of("locked_reason", "maintenance")).statusCode(202);
        show(member, id).body("server.locked", equalTo(true)).body("server.locked_reason", equalTo("maintenance"));

        action(member, "2.73", id, "os-stop", null).statusCode(409).body("conflictingRequest.message",
                equalTo("Instance " + id + " is locked"));
        given().header("X-Auth-Token", member).delete("/compute/v2.1/servers/" + id).then().statusCode(409);
        // the owner locking again changes nothing
        action(member, "2.73", id, "lock", null).statusCode(202);
        show(member, id).body("server.locked_reason", equalTo("maintenance"));
        // an admin acts on a locked server
        action(admin, "2.73", id, "os-stop", null).statusCode(202);
        assertEquals(ConductorRpcApi.SERVER_ACTION.name(), conductor.next(Duration.ofSeconds(5)).envelope().method());

        action(member, "2.1", id, "unlock", null).statusCode(202);
        show(member, id).body("server.locked", equalTo(false)).body("server.locked_reason", nullValue());
    }

    @Test
    void anAdminsLockNeedsUnlockOverrideToLift() {
        UUID id = activeServer();
        // before 2.73 any lock body locks, and no reason is read
        action(admin, "2.1", id, "lock", Map.of("locked_reason", "ignored here")).statusCode(202);
        show(admin, id).body("server.locked", equalTo(true)).body("server.locked_reason", nullValue());

        action(member, "2.73", id, "unlock", null).statusCode(403);
        action(admin, "2.73", id, "unlock", null).statusCode(202);
        show(admin, id).body("server.locked", equalTo(false));
    }

    @Test
    void aLockedReasonIsValidatedFrom273() {
        UUID id = activeServer();
        action(member, "2.73", id, "lock", Map.of("locked_reason", "")).statusCode(400);
        action(member, "2.73", id, "lock", Map.of("bogus", "x")).statusCode(400);
        action(member, "2.73", id, "lock", "not an object").statusCode(400);
        show(member, id).body("server.locked", equalTo(false));
        action(member, "2.73", id, "lock", Map.of("locked_reason", "x".repeat(255))).statusCode(202);
        given().header("X-Auth-Token", member).header("OpenStack-API-Version", "compute 2.73")
                .get("/compute/v2.1/servers/detail?locked=true").then().statusCode(200)
                .body("servers.id", org.hamcrest.Matchers.hasItem(id.toString()));
    }
}
