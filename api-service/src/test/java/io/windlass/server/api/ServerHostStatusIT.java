package io.windlass.server.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.windlass.server.VmState;
import io.windlass.testing.ComputeHostRows;
import io.windlass.testing.ProjectMember;
import io.windlass.testing.RealTokens;
import io.windlass.testing.ServerRows;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Nova's {@code host_status} (2.16): UP, DOWN (the host silent past the service down time),
 * MAINTENANCE (disabled), UNKNOWN (no such host) and empty without a host; shown to admins only.
 * A server shown alone has its own host read, a list every host once: both answer alike.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class ServerHostStatusIT {
    @Inject
    EntityManager em;
    @Inject
    ServerRows rows;
    @Inject
    ComputeHostRows hosts;

    private String admin;
    private String project;
    private String member;
    private final String prefix = "hs-" + UUID.randomUUID().toString().substring(0, 8) + "-";

    @BeforeEach
    void hostsInEveryState() {
        ProjectMember caller = ProjectMember.create("hoststatus");
        admin = caller.admin();
        project = caller.project();
        member = caller.member();
        hosts.insertHost(prefix + "up", 0);
        hosts.insertHost(prefix + "silent", 3600);
        hosts.insertHost(prefix + "disabled", 0);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE compute_hosts SET disabled = true WHERE host = :host")
                .setParameter("host", prefix + "disabled").executeUpdate());
    }

    @AfterEach
    void cleanUp() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("DELETE FROM servers WHERE project_id = :p").setParameter("p", project)
                    .executeUpdate();
            em.createNativeQuery("DELETE FROM compute_hosts WHERE host LIKE :prefix")
                    .setParameter("prefix", prefix + "%").executeUpdate();
        });
    }

    @Test
    void eachHostStateShowsAloneAndInTheListAlike() {
        Map<UUID, String> expected = new LinkedHashMap<>();
        expected.put(rows.insert(project, prefix + "up", VmState.ACTIVE), "UP");
        expected.put(rows.insert(project, prefix + "silent", VmState.ACTIVE), "DOWN");
        expected.put(rows.insert(project, prefix + "disabled", VmState.ACTIVE), "MAINTENANCE");
        expected.put(rows.insert(project, prefix + "gone", VmState.ACTIVE), "UNKNOWN");
        expected.put(rows.insert(project, null, VmState.ERROR), "");

        expected.forEach((id, status) -> given().header("X-Auth-Token", admin)
                .header("OpenStack-API-Version", "compute 2.16").get("/compute/v2.1/servers/" + id)
                .then().statusCode(200).body("server.host_status", equalTo(status)));

        List<Map<String, Object>> listed = given().header("X-Auth-Token", admin)
                .header("OpenStack-API-Version", "compute 2.16")
                .get("/compute/v2.1/servers/detail?all_tenants=1&project_id=" + project)
                .then().statusCode(200).extract().jsonPath().getList("servers");
        Map<UUID, String> inList = new LinkedHashMap<>();
        listed.forEach(s -> inList.put(UUID.fromString((String) s.get("id")), (String) s.get("host_status")));
        assertEquals(expected, inList);
    }

    @Test
    void membersAndEarlierVersionsDoNotSeeIt() {
        UUID id = rows.insert(project, prefix + "up", VmState.ACTIVE);
        given().header("X-Auth-Token", member).header("OpenStack-API-Version", "compute 2.16")
                .get("/compute/v2.1/servers/" + id).then().statusCode(200).body("server", not(hasKey("host_status")));
        given().header("X-Auth-Token", admin).header("OpenStack-API-Version", "compute 2.15")
                .get("/compute/v2.1/servers/" + id).then().statusCode(200).body("server", not(hasKey("host_status")));
    }
}
