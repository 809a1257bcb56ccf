package io.windlass.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.server.VmState;
import io.windlass.testing.Keystone;
import io.windlass.testing.ProjectMember;
import io.windlass.testing.RealTokens;
import io.windlass.testing.RpcQueueProbe;
import io.windlass.testing.ServerRows;
import io.windlass.testing.StubbedHost;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Nova's {@code changePassword} with real tokens, its host stood in for at the RPC edge: the
 * password goes to the host in {@code set_admin_password} while the server shows PASSWORD; the
 * action is logged and finished; the host's refusal is Nova's 409 InstancePasswordSetFailed, a
 * silent host the same 409; the task state is cleared in every outcome; Nova's schema, state,
 * lock and policy refusals.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class ServerChangePasswordIT {
    private static final String HOST = "chpw-host";

    @Inject
    ObjectMapper json;
    @Inject
    ServerRows rows;

    private ProjectMember users;
    private UUID server;

    @BeforeEach
    void anActiveServer() {
        users = ProjectMember.create("chpw");
        server = rows.insert(users.project(), HOST, VmState.ACTIVE);
    }

    private Response change(String token, Object body) {
        return given().header("X-Auth-Token", token).contentType("application/json").body(body)
                .post("/compute/v2.1/servers/" + server + "/action");
    }

    private Response change(String password) {
        return change(users.member(), Map.of("changePassword", Map.of("adminPass", password)));
    }

    private ValidatableResponse show() {
        return given().header("X-Auth-Token", users.member()).get("/compute/v2.1/servers/" + server).then()
                .statusCode(200);
    }

    @Test
    void theHostSetsThePasswordWhileTheServerShowsPassword() throws Exception {
        try (RpcQueueProbe host = RpcQueueProbe.on("compute." + HOST, json)) {
            CompletableFuture<Response> answer = CompletableFuture.supplyAsync(() -> change("s3cret: x"));
            RpcQueueProbe.Received call = host.next(Duration.ofSeconds(5));
            assertEquals(ComputeRpcApi.SET_ADMIN_PASSWORD.name(), call.envelope().method());
            assertEquals(server.toString(), call.envelope().args().path("uuid").asText());
            assertEquals("s3cret: x", call.envelope().args().path("password").asText());
            show().body("server.status", equalTo("PASSWORD"))
                    .body("server.'OS-EXT-STS:task_state'", equalTo("updating_password"));
            host.reply(call, new StubbedHost(HOST, json).answer(null));
            answer.get().then().statusCode(202);
        }
        show().body("server.status", equalTo("ACTIVE")).body("server.'OS-EXT-STS:task_state'", nullValue());
        given().header("X-Auth-Token", users.member()).get("/compute/v2.1/servers/" + server + "/os-instance-actions")
                .then().statusCode(200).body("instanceActions[0].action", equalTo("changePassword"))
                .body("instanceActions[0].message", nullValue());
    }

    @Test
    void theGuestsRefusalAndASilentHostAreNovas409AndClearTheTask() throws Exception {
        StubbedHost host = new StubbedHost(HOST, json);
        host.serve(ComputeRpcApi.SET_ADMIN_PASSWORD, () -> change("pw"),
                        StubbedHost.refusal(ComputeRpcApi.PASSWORD_SET_FAILED, "the image has no chpasswd"))
                .response().then().statusCode(409).body("conflictingRequest.message",
                        equalTo("Failed to set admin password on " + server + " because the image has no chpasswd"));
        show().body("server.'OS-EXT-STS:task_state'", nullValue());
        given().header("X-Auth-Token", users.member()).get("/compute/v2.1/servers/" + server + "/os-instance-actions")
                .then().body("instanceActions[0].action", equalTo("changePassword"))
                .body("instanceActions[0].message", equalTo("Error"));

        host.serve(ComputeRpcApi.SET_ADMIN_PASSWORD, () -> change("pw"),
                        StubbedHost.refusal("EngineError", "exec failed: oci runtime"))
                .response().then().statusCode(409).body("conflictingRequest.message",
                        equalTo("Failed to set admin password on " + server + " because error setting admin password"));

        // nobody answers on the host's topic within the call timeout
        change("pw").then().statusCode(409).body("conflictingRequest.message", equalTo(
                "Failed to set admin password on " + server + " because compute host " + HOST + " did not answer"));
        show().body("server.'OS-EXT-STS:task_state'", nullValue());
    }

    @Test
    void novasSchemaStateLockAndPolicyRefusals() {
        change(users.member(), Map.of("changePassword", Map.of())).then().statusCode(400);
        change(users.member(), Map.of("changePassword", Map.of("adminPass", 1))).then().statusCode(400);
        change(users.member(), Map.of("changePassword", Map.of("adminPass", "a", "x", 1))).then().statusCode(400);

        rows.set(server.toString(), "vm_state = 'stopped'");
        change("pw").then().statusCode(409).body("conflictingRequest.message",
                equalTo("Cannot 'changePassword' instance " + server + " while it is in vm_state stopped"));
        rows.set(server.toString(), "vm_state = 'active', task_state = 'rebooting'");
        change("pw").then().statusCode(409).body("conflictingRequest.message",
                equalTo("Cannot 'changePassword' instance " + server + " while it is in task_state rebooting"));
        rows.set(server.toString(), "task_state = null, locked = true, locked_by = 'admin'");
        change("pw").then().statusCode(409).body("conflictingRequest.message",
                equalTo("Instance " + server + " is in an invalid state for 'changePassword'"));
        rows.set(server.toString(), "locked = false, locked_by = null");

        String readerName = users.projectName() + "-reader";
        Keystone.createUser(users.admin(), readerName, "pw", users.project(), "reader");
        change(Keystone.token(readerName, "pw", users.projectName()),
                Map.of("changePassword", Map.of("adminPass", "pw"))).then().statusCode(403)
                .body("forbidden.message", equalTo("Policy doesn't allow os_compute_api:os-admin-password to be "
                        + "performed."));
        change(ProjectMember.create("chpw-other").member(), Map.of("changePassword", Map.of("adminPass", "pw")))
                .then().statusCode(404);
        show().body("server.'OS-EXT-STS:task_state'", nullValue());
    }
}
