package io.windlass.server.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.windlass.migration.persistence.MigrationEntity;
import io.windlass.server.ServerTaskState;
import io.windlass.server.VmState;
import io.windlass.testing.Keystone;
import io.windlass.testing.RealTokens;
import io.windlass.testing.ServerRows;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Nova's {@code os-resetState} with real tokens, as Tempest's admin server tests use it: an admin sets
 * {@code error} or {@code active} and the task goes; the owner is refused (403), an unknown server
 * is a 404, a state other than the two a 400, and the reset is an instance action.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class ServerResetStateIT {
    @Inject
    EntityManager em;
    @Inject
    ServerRows rows;

    private String admin;
    private String project;
    private String member;

    @BeforeEach
    void aProjectWithAMember() throws Exception {
        admin = Keystone.adminToken();
        String name = Keystone.unique("reset");
        project = Keystone.createProject(admin, name);
        Keystone.createUser(admin, name, "pw", project, "member");
        member = Keystone.token(name, "pw", name);
    }

    @AfterEach
    void close() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("DELETE FROM migrations WHERE project_id = :p").setParameter("p", project)
                    .executeUpdate();
            em.createNativeQuery("DELETE FROM servers WHERE project_id = :p").setParameter("p", project)
                    .executeUpdate();
        });
    }

    private static ValidatableResponse reset(String token, Object id, Object body) {
        return given().header("X-Auth-Token", token).contentType("application/json")
                .body(Map.of("os-resetState", body)).post("/compute/v2.1/servers/" + id + "/action").then();
    }

    private static ValidatableResponse show(String token, UUID id) {
        return given().header("X-Auth-Token", token).get("/compute/v2.1/servers/" + id).then().statusCode(200);
    }

    @Test
    void anAdminSetsErrorOrActiveAndTheTaskGoes() {
        UUID id = rows.insert(project, "reset-host", VmState.ACTIVE, s -> s.taskState = ServerTaskState.REBOOTING);

        reset(admin, id, Map.of("state", "error")).statusCode(202);
        show(member, id).body("server.status", equalTo("ERROR"))
                .body("server.'OS-EXT-STS:vm_state'", equalTo("error"))
                .body("server.'OS-EXT-STS:task_state'", nullValue());

        reset(admin, id, Map.of("state", "active")).statusCode(202);
        show(member, id).body("server.status", equalTo("ACTIVE"))
                .body("server.'OS-EXT-STS:vm_state'", equalTo("active"));

        given().header("X-Auth-Token", member).get("/compute/v2.1/servers/" + id + "/os-instance-actions").then()
                .statusCode(200).body("instanceActions.action", hasItem("resetState"));
    }

    @Test
    void theResetTasksMigrationRecordEndsWithIt() {
        UUID id = rows.insert(project, "reset-host", VmState.ACTIVE, s -> s.taskState = ServerTaskState.RESIZE_PREP);
        MigrationEntity record = new MigrationEntity();
        record.uuid = UUID.randomUUID();
        record.instanceUuid = id;
        record.status = MigrationEntity.PRE_MIGRATING;
        record.sourceCompute = "reset-host";
        record.projectId = project;
        record.createdAt = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> em.persist(record));

        reset(admin, id, Map.of("state", "active")).statusCode(202);

        assertEquals(MigrationEntity.ERROR, QuarkusTransaction.requiringNew().call(() ->
                em.find(MigrationEntity.class, record.id).status));
        show(member, id).body("server.'OS-EXT-STS:task_state'", nullValue());
    }

    @Test
    void theOwnerIsRefusedAndBadInputIsNamed() {
        UUID id = rows.insert(project, "reset-host", VmState.ACTIVE);

        reset(member, id, Map.of("state", "error")).statusCode(403)
                .body("forbidden.message", equalTo("Policy doesn't allow os_compute_api:os-admin-actions:reset_state "
                        + "to be performed."));
        show(member, id).body("server.status", equalTo("ACTIVE"));
        reset(admin, UUID.randomUUID(), Map.of("state", "error")).statusCode(404);
        reset(admin, id, Map.of("state", "stopped")).statusCode(400);
        reset(admin, id, Map.of()).statusCode(400);
        show(member, id).body("server.status", equalTo("ACTIVE"));
    }
}
