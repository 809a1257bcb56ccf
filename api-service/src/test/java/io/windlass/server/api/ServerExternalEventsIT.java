package io.windlass.server.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.windlass.server.VmState;
import io.windlass.testing.ProjectMember;
import io.windlass.testing.RealTokens;
import io.windlass.testing.ServerRows;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Nova's {@code os-server-external-events} with real tokens, as Tempest's admin test and Neutron use
 * it: events for placed servers are taken (200), a mix is a 207 with each event's code, none taken a
 * 404; members are refused; names outside the microversion's list are a 400.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class ServerExternalEventsIT {
    @Inject
    EntityManager em;
    @Inject
    ServerRows rows;

    private String admin;
    private String project;
    private String member;

    @BeforeEach
    void aProjectWithAMember() {
        ProjectMember users = ProjectMember.create("events");
        admin = users.admin();
        project = users.project();
        member = users.member();
    }

    @AfterEach
    void close() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM servers WHERE project_id = :p")
                .setParameter("p", project).executeUpdate());
    }

    private static ValidatableResponse send(String token, String microversion, Object... events) {
        return given().header("X-Auth-Token", token).header("OpenStack-API-Version", "compute " + microversion)
                .contentType("application/json").body(Map.of("events", List.of(events)))
                .post("/compute/v2.1/os-server-external-events").then();
    }

    @Test
    void anEventForAPlacedServerIsTaken() {
        UUID id = rows.insert(project, "events-host", VmState.ACTIVE);

        send(admin, "2.1", Map.of("name", "network-changed", "server_uuid", id.toString())).statusCode(200)
                .body("events[0].server_uuid", equalTo(id.toString()))
                .body("events[0].name", equalTo("network-changed"))
                .body("events[0].status", equalTo("completed"))
                .body("events[0].code", equalTo(200))
                .body("events[0].tag", nullValue());
    }

    @Test
    void eventsNotTakenGetTheirOwnCodeIn207() {
        UUID placed = rows.insert(project, "events-host", VmState.ACTIVE);
        UUID building = rows.insert(project, null, VmState.BUILDING);
        String unknown = UUID.randomUUID().toString();

        send(admin, "2.51",
                Map.of("name", "network-vif-plugged", "server_uuid", placed.toString(), "tag", "port-1",
                        "status", "in-progress"),
                Map.of("name", "network-changed", "server_uuid", unknown),
                Map.of("name", "network-changed", "server_uuid", building.toString()),
                Map.of("name", "volume-extended", "server_uuid", placed.toString()))
                .statusCode(207)
                .body("events.code", contains(200, 404, 422, 400))
                .body("events.status", contains("completed", "failed", "failed", "failed"))
                .body("events[0].tag", equalTo("port-1"));
    }

    @Test
    void noEventTakenIs404() {
        send(admin, "2.1", Map.of("name", "network-changed", "server_uuid", UUID.randomUUID().toString()))
                .statusCode(404).body("itemNotFound.message", equalTo("No instances found for any event"));
    }

    @Test
    void membersAreRefusedAndUnknownNamesAre400() {
        UUID id = rows.insert(project, "events-host", VmState.ACTIVE);

        send(member, "2.1", Map.of("name", "network-changed", "server_uuid", id.toString())).statusCode(403)
                .body("forbidden.message", equalTo("Policy doesn't allow "
                        + "os_compute_api:os-server-external-events:create to be performed."));
        // power-update came in 2.76
        send(admin, "2.75", Map.of("name", "power-update", "server_uuid", id.toString(), "tag", "POWER_ON"))
                .statusCode(400).body("badRequest.message", containsString("power-update"));
        send(admin, "2.76", Map.of("name", "power-update", "server_uuid", id.toString(), "tag", "POWER_ON"))
                .statusCode(200);
        send(admin, "2.1", Map.of("name", "network-changed", "server_uuid", "not-a-uuid")).statusCode(400);
        given().header("X-Auth-Token", admin).contentType("application/json").body(Map.of("events", List.of()))
                .post("/compute/v2.1/os-server-external-events").then().statusCode(400);
    }
}
