package io.windlass.migration.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.windlass.server.VmState;
import io.windlass.testing.Keystone;
import io.windlass.testing.ProjectMember;
import io.windlass.testing.RealTokens;
import io.windlass.testing.ServerRows;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Nova's {@code os-migrations} over the records resizes leave: a resize accepted through the API
 * is listed with Nova's fields per microversion (2.23 type, 2.59 uuid and paging, 2.80 owner),
 * follows confirm, filters as Nova's database query does, and is admins' (a project's managers see
 * their own without hosts); a deleted server's are gone.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class MigrationsIT {
    private static final String HOST = "migr-host";

    @Inject
    ServerRows rows;
    @Inject
    EntityManager em;

    private ProjectMember users;
    private UUID server;

    @BeforeEach
    void aResizedServer() {
        users = ProjectMember.create("migr");
        sql("insert into compute_hosts (host, driver, vcpus, memory_mb, disk_gb, underlay_address, last_heartbeat_at) "
                + "values ('" + HOST + "', 'docker', 4, 8192, 100, '198.18.7.7', now()) on conflict (host) do nothing");
        server = rows.insert(users.project(), HOST, VmState.ACTIVE);
        given().header("X-Auth-Token", users.member()).contentType("application/json")
                .body(Map.of("resize", Map.of("flavorRef", "1"))).post("/compute/v2.1/servers/" + server + "/action")
                .then().statusCode(202);
    }

    private RequestSpecification as(String token, String version) {
        return given().header("X-Auth-Token", token).header("OpenStack-API-Version", "compute " + version);
    }

    private ValidatableResponse list(String version, Object... query) {
        RequestSpecification request = as(users.admin(), version);
        for (int i = 0; i < query.length; i += 2) {
            request = request.queryParam((String) query[i], query[i + 1]);
        }
        return request.get("/compute/v2.1/os-migrations").then();
    }

    @Test
    void aResizeIsListedWithNovasFieldsPerMicroversion() {
        long oldFlavor = flavorId("0");
        long newFlavor = flavorId("1");
        list("2.1", "instance_uuid", server).statusCode(200).body("migrations", hasSize(1))
                .body("migrations[0].status", equalTo("pre-migrating"))
                .body("migrations[0].source_compute", equalTo(HOST)).body("migrations[0].dest_compute", equalTo(HOST))
                .body("migrations[0].source_node", equalTo(HOST)).body("migrations[0].dest_node", equalTo(HOST))
                .body("migrations[0].dest_host", equalTo("198.18.7.7"))
                .body("migrations[0].old_instance_type_id", equalTo((int) oldFlavor))
                .body("migrations[0].new_instance_type_id", equalTo((int) newFlavor))
                .body("migrations[0].instance_uuid", equalTo(server.toString()))
                .body("migrations[0].updated_at", nullValue())
                .body("migrations[0].created_at", org.hamcrest.Matchers.matchesPattern(
                        "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}"))
                .body("migrations[0]", not(hasKey("migration_type"))).body("migrations[0]", not(hasKey("uuid")))
                .body("migrations[0]", not(hasKey("user_id")));
        list("2.23", "instance_uuid", server).body("migrations[0].migration_type", equalTo("resize"))
                .body("migrations[0]", not(hasKey("links"))).body("migrations[0]", not(hasKey("uuid")));
        String uuid = list("2.59", "instance_uuid", server).statusCode(200)
                .body("migrations[0].uuid", org.hamcrest.Matchers.notNullValue())
                .body("migrations[0]", not(hasKey("project_id"))).body("$", not(hasKey("migrations_links")))
                .extract().path("migrations[0].uuid");
        list("2.80", "instance_uuid", server).body("migrations[0].user_id", equalTo(users.memberId()))
                .body("migrations[0].project_id", equalTo(users.project()));

        // the conductor finishes it, a member confirms
        sql("update migrations set status = 'finished', updated_at = now() where instance_uuid = '" + server + "'");
        rows.set(server.toString(), "vm_state = 'resized', task_state = null, new_flavor = null");
        given().header("X-Auth-Token", users.member()).contentType("application/json")
                .body("{\"confirmResize\": null}").post("/compute/v2.1/servers/" + server + "/action")
                .then().statusCode(204);
        list("2.59", "instance_uuid", server, "status", "confirming").body("migrations", hasSize(1))
                .body("migrations[0].uuid", equalTo(uuid)).body("migrations[0].updated_at",
                        org.hamcrest.Matchers.notNullValue());
        list("2.59", "instance_uuid", server, "status", "finished").body("migrations", hasSize(0));

        // a deleted server's migrations go with it
        rows.set(server.toString(), "deleted_at = now(), vm_state = 'deleted'");
        list("2.1", "instance_uuid", server).body("migrations", hasSize(0));
        list("2.59", "marker", uuid).statusCode(400).body("badRequest.message",
                equalTo("Marker " + uuid + " could not be found."));
    }

    @Test
    void pagingFiltersAndTheirRefusals() {
        UUID second = rows.insert(users.project(), HOST, VmState.ACTIVE);
        given().header("X-Auth-Token", users.member()).contentType("application/json")
                .body(Map.of("resize", Map.of("flavorRef", "1"))).post("/compute/v2.1/servers/" + second + "/action")
                .then().statusCode(202);
        // newest first, the next link carrying the page's last uuid
        String newest = list("2.59", "limit", 1).statusCode(200).body("migrations", hasSize(1))
                .body("migrations[0].instance_uuid", equalTo(second.toString()))
                .body("migrations_links[0].rel", equalTo("next")).extract().path("migrations[0].uuid");
        list("2.59", "limit", 1).body("migrations_links[0].href", containsString("/os-migrations?limit=1&marker="
                + newest));
        list("2.59", "limit", 1, "marker", newest).body("migrations[0].instance_uuid", equalTo(server.toString()));
        list("2.59", "limit", 0).statusCode(200).body("migrations", hasSize(0))
                .body("$", not(hasKey("migrations_links")));
        list("2.59", "limit", -1).statusCode(400);
        list("2.59", "limit", "x").statusCode(400);
        list("2.59", "marker", "nope").statusCode(400).body("badRequest.message",
                equalTo("Marker nope could not be found."));
        list("2.59", "unknown", "1").statusCode(400);
        list("2.1", "unknown", "1").statusCode(200);

        // filters: a host at either end, source_compute, type, hidden, the owner (2.80)
        list("2.80", "host", HOST, "project_id", users.project()).body("migrations", hasSize(2));
        list("2.80", "host", "elsewhere", "project_id", users.project()).body("migrations", hasSize(0));
        list("2.80", "source_compute", HOST, "project_id", users.project()).body("migrations", hasSize(2));
        list("2.80", "migration_type", "live-migration", "project_id", users.project()).body("migrations", hasSize(0));
        list("2.80", "hidden", "true", "project_id", users.project()).body("migrations", hasSize(0));
        list("2.80", "hidden", "0", "project_id", users.project()).body("migrations", hasSize(2));
        list("2.80", "user_id", users.memberId()).body("migrations", hasSize(2));
        list("2.80", "user_id", "someone-else", "project_id", users.project()).body("migrations", hasSize(0));
        list("2.79", "user_id", users.memberId()).statusCode(400);
        list("2.1", "instance_uuid", "not-a-uuid").statusCode(200).body("migrations", hasSize(0));

        // changes-since and changes-before compare updated_at, which a new record lacks
        list("2.59", "changes-since", "2000-01-01T00:00:00Z", "instance_uuid", server).body("migrations", hasSize(0));
        sql("update migrations set updated_at = now() where instance_uuid = '" + server + "'");
        list("2.59", "changes-since", "2000-01-01T00:00:00Z", "instance_uuid", server).body("migrations", hasSize(1));
        list("2.66", "changes-before", "2000-01-01T00:00:00Z", "instance_uuid", server).body("migrations", hasSize(0));
        list("2.59", "changes-before", "2000-01-01T00:00:00Z").statusCode(400);
        list("2.66", "changes-since", "2030-01-01T00:00:00Z", "changes-before", "2029-01-01T00:00:00Z")
                .statusCode(400).body("badRequest.message",
                        equalTo("The value of changes-since must be less than or equal to changes-before."));
        list("2.59", "changes-since", "yesterday").statusCode(400);
    }

    @Test
    void adminsListEveryProjectAndManagersTheirOwnWithoutHosts() {
        as(users.member(), "2.80").get("/compute/v2.1/os-migrations").then().statusCode(403)
                .body("forbidden.message", equalTo("Policy doesn't allow os_compute_api:os-migrations:index to be "
                        + "performed."));
        String admin = users.admin();
        // Keystone's manager role (newer Keystones bootstrap it; Windlass's identity has the three older ones)
        sql("insert into identity_roles (id, name) values (md5('it-role-manager'), 'manager') on conflict do nothing");
        String name = users.projectName() + "-mgr";
        Keystone.createUser(admin, name, "pw", users.project(), "manager");
        String manager = Keystone.token(name, "pw", users.projectName());
        as(manager, "2.80").get("/compute/v2.1/os-migrations").then().statusCode(403).body("forbidden.message",
                equalTo("Policy doesn't allow os_compute_api:os-migrations:index:all_projects to be performed."));
        as(manager, "2.80").queryParam("project_id", "another").get("/compute/v2.1/os-migrations").then()
                .statusCode(403);
        as(manager, "2.80").queryParam("project_id", users.project()).get("/compute/v2.1/os-migrations").then()
                .statusCode(200).body("migrations", hasSize(1))
                .body("migrations[0].source_compute", nullValue()).body("migrations[0].dest_host", nullValue())
                .body("migrations[0].status", equalTo("pre-migrating"));
    }

    private long flavorId(String flavorid) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select id from flavors where flavorid = ?1").setParameter(1, flavorid).getSingleResult()).longValue());
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }
}
