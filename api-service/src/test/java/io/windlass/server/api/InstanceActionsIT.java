package io.windlass.server.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.windlass.testing.ProjectMember;
import io.windlass.testing.RealTokens;
import io.windlass.testing.ServerRows;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Nova's {@code os-instance-actions} with real tokens: every accepted request is an action under
 * its request id, newest first; events (written here as the conductor would) show per
 * microversion and persona; a deleted server's actions show from 2.21.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class InstanceActionsIT {
    private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}";

    @Inject
    ServerRows rows;
    @Inject
    EntityManager em;

    private String admin;
    private String member;
    private String memberId;
    private String outsider;

    @BeforeEach
    void aProjectWithAMember() {
        ProjectMember users = ProjectMember.create("actions");
        admin = users.admin();
        memberId = users.memberId();
        member = users.member();
        outsider = ProjectMember.create("actions-other").member();
        rows.hostWithImage("host-actions");
    }

    private static ValidatableResponse get(String token, String version, String path) {
        return given().header("X-Auth-Token", token).header("OpenStack-API-Version", "compute " + version)
                .get("/compute/v2.1/servers/" + path).then();
    }

    private String post(String version, String path, Object body, int status) {
        var answer = given().header("X-Auth-Token", member).header("OpenStack-API-Version", "compute " + version)
                .contentType("application/json").body(body).post("/compute/v2.1/servers" + path).then()
                .statusCode(status).extract();
        // Nova's own header carries the same id (Tempest reads it)
        assertEquals(answer.header("x-openstack-request-id"), answer.header("x-compute-request-id"));
        return answer.header("x-openstack-request-id");
    }

    @Test
    void everyAcceptedRequestIsAnActionUnderItsRequestIdNewestFirst() {
        String createId = post("2.95", "", Map.of("server", Map.of("name", "a", "flavorRef", "0",
                "imageRef", ServerRows.IMAGE_ID, "networks", "none")), 202);
        String id = serverOf(createId);
        String lockId = post("2.95", "/" + id + "/action", Map.of("lock", Map.of()), 202);
        String unlockId = post("2.95", "/" + id + "/action", Map.of("unlock", Map.of()), 202);
        // refused requests are no actions
        post("2.95", "/" + id + "/action", Map.of("os-stop", Map.of()), 409);

        get(member, "2.1", id + "/os-instance-actions").statusCode(200)
                .body("instanceActions.action", equalTo(List.of("unlock", "lock", "create")))
                .body("instanceActions.request_id", equalTo(List.of(unlockId, lockId, createId)))
                .body("instanceActions[2].instance_uuid", equalTo(id))
                .body("instanceActions[2].user_id", equalTo(memberId))
                .body("instanceActions[2].message", nullValue())
                .body("instanceActions[2].start_time", matchesPattern(TIME))
                .body("instanceActions[2]", not(hasKey("updated_at")));
        get(outsider, "2.1", id + "/os-instance-actions").statusCode(404);

        // 2.58: updated_at, paging by request id, changes-since, nothing unknown
        get(member, "2.58", id + "/os-instance-actions?limit=2").statusCode(200)
                .body("instanceActions.action", equalTo(List.of("unlock", "lock")))
                .body("instanceActions[0].updated_at", matchesPattern(TIME))
                .body("links[0].rel", equalTo("next"))
                .body("links[0].href", containsString("marker=" + lockId));
        get(member, "2.58", id + "/os-instance-actions?limit=2&marker=" + lockId).statusCode(200)
                .body("instanceActions.action", equalTo(List.of("create"))).body("$", not(hasKey("links")));
        get(member, "2.58", id + "/os-instance-actions?marker=req-nope").statusCode(400)
                .body("badRequest.message", equalTo("Marker req-nope could not be found."));
        get(member, "2.58", id + "/os-instance-actions?changes-since=2999-01-01T00:00:00Z").statusCode(200)
                .body("instanceActions", hasSize(0));
        get(member, "2.58", id + "/os-instance-actions?foo=1").statusCode(400);
        get(member, "2.1", id + "/os-instance-actions?foo=1").statusCode(200);
        get(member, "2.66", id + "/os-instance-actions?changes-since=2030-01-01T00:00:00Z"
                + "&changes-before=2020-01-01T00:00:00Z").statusCode(400);
    }

    @Test
    void eventsShowPerMicroversionAndPersonaAndADeletedServersActionsFrom221() {
        String createId = post("2.95", "", Map.of("server", Map.of("name", "b", "flavorRef", "0",
                "imageRef", ServerRows.IMAGE_ID, "networks", "none")), 202);
        String id = serverOf(createId);
        // the conductor's and the host's steps, as the conductor writes them
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into workload_action_events (action_id, event, host, finish_time, result, traceback)
                        select id, 'compute__do_build_and_run_instance', 'host-actions', now(), 'Error', 'boom'
                        from workload_actions where request_id = ?1""").setParameter(1, createId).executeUpdate());

        get(member, "2.1", id + "/os-instance-actions/" + createId).statusCode(200)
                .body("instanceAction.action", equalTo("create"))
                .body("instanceAction", not(hasKey("events")));
        get(member, "2.51", id + "/os-instance-actions/" + createId).statusCode(200)
                .body("instanceAction.events[0].event", equalTo("compute__do_build_and_run_instance"))
                .body("instanceAction.events[0].result", equalTo("Error"))
                .body("instanceAction.events[0].finish_time", matchesPattern(TIME))
                .body("instanceAction.events[0]", not(hasKey("traceback")));
        get(member, "2.62", id + "/os-instance-actions/" + createId).statusCode(200)
                .body("instanceAction.events[0].hostId", matchesPattern("[0-9a-f]{56}"))
                .body("instanceAction.events[0]", not(hasKey("host")));
        get(admin, "2.84", id + "/os-instance-actions/" + createId).statusCode(200)
                .body("instanceAction.events[0].traceback", equalTo("boom"))
                .body("instanceAction.events[0].host", equalTo("host-actions"))
                .body("instanceAction.events[0].details", equalTo("boom"));
        get(admin, "2.1", id + "/os-instance-actions/" + createId).statusCode(200)
                .body("instanceAction.events[0].traceback", equalTo("boom"));
        get(member, "2.1", id + "/os-instance-actions/req-nope").statusCode(404)
                .body("itemNotFound.message", equalTo("Action req-nope not found"));

        // never placed: deleted at once; its actions stay readable from 2.21
        String deleteId = given().header("X-Auth-Token", member).delete("/compute/v2.1/servers/" + id).then()
                .statusCode(204).extract().header("x-openstack-request-id");
        get(member, "2.20", id + "/os-instance-actions").statusCode(404);
        get(member, "2.21", id + "/os-instance-actions").statusCode(200)
                .body("instanceActions.action", equalTo(List.of("delete", "create")))
                .body("instanceActions[0].request_id", equalTo(deleteId));
    }

    private String serverOf(String requestId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select cast(workload_uuid as text) from workload_actions where request_id = ?1")
                .setParameter(1, requestId).getSingleResult()).toString();
    }
}
