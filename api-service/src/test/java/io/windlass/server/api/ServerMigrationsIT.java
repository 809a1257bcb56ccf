package io.windlass.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.windlass.server.VmState;
import io.windlass.testing.ProjectMember;
import io.windlass.testing.RealTokens;
import io.windlass.testing.ServerRows;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Nova's {@code /servers/{id}/migrations} where there is no live migration: an empty list, Nova's
 * 404s for a migration shown, and Nova's 409 state refusals for force_complete and abort, each
 * behind its microversion, server lookup and policy.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class ServerMigrationsIT {
    @Inject
    ServerRows rows;

    private ProjectMember users;
    private UUID server;

    @BeforeEach
    void aServer() {
        users = ProjectMember.create("srvmigr");
        server = rows.insert(users.project(), "srvmigr-host", VmState.ACTIVE);
    }

    private RequestSpecification as(String token, String version) {
        return given().header("X-Auth-Token", token).header("OpenStack-API-Version", "compute " + version);
    }

    private String path(Object... tail) {
        StringBuilder p = new StringBuilder("/compute/v2.1/servers/" + server + "/migrations");
        for (Object t : tail) {
            p.append('/').append(t);
        }
        return p.toString();
    }

    private ValidatableResponse forceComplete(String token, String version, Object body) {
        return as(token, version).contentType("application/json").body(body).post(path(7, "action")).then();
    }

    @Test
    void listAndShowAnswerAsNovaWithoutLiveMigrations() {
        String admin = users.admin();
        as(admin, "2.23").get(path()).then().statusCode(200).body("migrations", hasSize(0));
        as(admin, "2.22").get(path()).then().statusCode(404);
        as(admin, "2.80").get("/compute/v2.1/servers/" + UUID.randomUUID() + "/migrations").then().statusCode(404)
                .body("itemNotFound.message", org.hamcrest.Matchers.startsWith("Instance "));
        as(users.member(), "2.23").get(path()).then().statusCode(403).body("forbidden.message",
                equalTo("Policy doesn't allow os_compute_api:servers:migrations:index to be performed."));

        as(admin, "2.23").get(path(42)).then().statusCode(404).body("itemNotFound.message",
                equalTo("In-progress live migration 42 is not found for server " + server + "."));
        as(admin, "2.23").get(path("abc")).then().statusCode(404);
        as(admin, "2.22").get(path(42)).then().statusCode(404);
        as(users.member(), "2.23").get(path(42)).then().statusCode(403);

        // a resize's record is found, but it is no live migration
        as(users.member(), "2.95").contentType("application/json").body(Map.of("resize", Map.of("flavorRef", "1")))
                .post("/compute/v2.1/servers/" + server + "/action").then().statusCode(202);
        int id = as(admin, "2.80").queryParam("instance_uuid", server.toString()).get("/compute/v2.1/os-migrations")
                .then().statusCode(200).extract().path("migrations[0].id");
        as(admin, "2.80").get(path(id)).then().statusCode(404).body("itemNotFound.message",
                equalTo("Migration " + id + " for server " + server + " is not live-migration."));
        as(admin, "2.80").get(path()).then().statusCode(200).body("migrations", hasSize(0));
    }

    @Test
    void forceCompleteAndAbortMeetNovasStateCheck() {
        String admin = users.admin();
        String body = "{\"force_complete\": null}";
        forceComplete(admin, "2.22", body).statusCode(409).body("conflictingRequest.message",
                equalTo("Instance " + server + " is in an invalid state for 'force_complete'"));
        forceComplete(admin, "2.21", body).statusCode(404);
        forceComplete(admin, "2.22", "{\"force_complete\": {}}").statusCode(400);
        forceComplete(admin, "2.22", "{\"abort\": null}").statusCode(400);
        forceComplete(users.member(), "2.22", body).statusCode(403).body("forbidden.message",
                equalTo("Policy doesn't allow os_compute_api:servers:migrations:force_complete to be performed."));
        rows.set(server.toString(), "vm_state = 'stopped'");
        forceComplete(admin, "2.22", body).statusCode(409).body("conflictingRequest.message",
                equalTo("Cannot 'force_complete' instance " + server + " while it is in vm_state stopped"));
        rows.set(server.toString(), "vm_state = 'active', task_state = 'rebooting'");
        forceComplete(admin, "2.22", body).statusCode(409).body("conflictingRequest.message",
                equalTo("Cannot 'force_complete' instance " + server + " while it is in task_state rebooting"));

        as(admin, "2.24").delete(path(7)).then().statusCode(409).body("conflictingRequest.message",
                equalTo("Cannot 'abort live migration' instance " + server + " while it is in task_state rebooting"));
        rows.set(server.toString(), "task_state = null");
        as(admin, "2.24").delete(path(7)).then().statusCode(409).body("conflictingRequest.message",
                equalTo("Instance " + server + " is in an invalid state for 'abort live migration'"));
        as(admin, "2.23").delete(path(7)).then().statusCode(404);
        as(users.member(), "2.24").delete(path(7)).then().statusCode(403);
        as(admin, "2.24").delete("/compute/v2.1/servers/" + UUID.randomUUID() + "/migrations/7").then()
                .statusCode(404);
    }
}
