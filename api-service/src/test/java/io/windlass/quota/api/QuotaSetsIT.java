package io.windlass.quota.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.windlass.testing.Keystone;
import io.windlass.testing.RealTokens;
import io.windlass.testing.ServerRows;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/**
 * Nova's {@code os-quota-sets} with real tokens: an admin raises and lowers a project's quotas
 * (refused below what it uses unless forced) and the project's creates follow; a member sees its
 * own project's quotas and changes none; keys per microversion; delete brings the defaults back.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class QuotaSetsIT {
    private static final String IMAGE_ID = ServerRows.IMAGE_ID;

    @Inject
    ServerRows rows;

    private String admin;
    private String project;
    private String member;

    @BeforeEach
    void aProjectWithAMember() {
        admin = Keystone.adminToken();
        String name = Keystone.unique("quota");
        project = Keystone.createProject(admin, name);
        Keystone.createUser(admin, name, "pw", project, "member");
        member = Keystone.token(name, "pw", name);
        rows.hostWithImage("host-quota");
    }

    private static ValidatableResponse api(String token, String version, String method, String path, Object body) {
        var request = given().header("X-Auth-Token", token).header("OpenStack-API-Version", "compute " + version)
                .contentType("application/json");
        if (body != null) {
            request = request.body(body);
        }
        return request.when().request(method, "/compute/v2.1/os-quota-sets/" + path).then();
    }

    private ValidatableResponse boot() {
        return given().header("X-Auth-Token", member).header("OpenStack-API-Version", "compute 2.95")
                .contentType("application/json").body(Map.of("server", Map.of("name", "q", "flavorRef", "0",
                        "imageRef", IMAGE_ID, "networks", "none"))).post("/compute/v2.1/servers").then();
    }

    @Test
    void anAdminSetsAProjectsQuotasAndItsCreatesFollow() {
        api(member, "2.1", "GET", project, null).statusCode(200).body("quota_set.id", equalTo(project))
                .body("quota_set.instances", equalTo(10)).body("quota_set.fixed_ips", equalTo(-1));
        api(member, "2.57", "GET", project, null).statusCode(200)
                .body("quota_set", not(hasKey("fixed_ips"))).body("quota_set", not(hasKey("injected_files")));
        boot().statusCode(202);
        api(member, "2.1", "GET", project + "/detail", null).statusCode(200)
                .body("quota_set.instances", equalTo(Map.of("in_use", 1, "limit", 10, "reserved", 0)));

        api(admin, "2.1", "PUT", project, Map.of("quota_set", Map.of("instances", 0))).statusCode(400)
                .body("badRequest.message", equalTo("Quota limit 0 for instances must be greater than or equal to "
                        + "already used and reserved 1."));
        api(admin, "2.1", "PUT", project, Map.of("quota_set", Map.of("instances", "1", "cores", -1))).statusCode(200)
                .body("quota_set.instances", equalTo(1)).body("quota_set.cores", equalTo(-1))
                .body("quota_set", not(hasKey("id")));
        boot().statusCode(403);
        api(admin, "2.1", "PUT", project, Map.of("quota_set", Map.of("instances", 0, "force", true))).statusCode(200);

        api(admin, "2.1", "DELETE", project, null).statusCode(202);
        api(member, "2.1", "GET", project, null).statusCode(200).body("quota_set.instances", equalTo(10))
                .body("quota_set.cores", equalTo(20));
        api(member, "2.1", "GET", project + "/defaults", null).statusCode(200).body("quota_set.instances", equalTo(10));
    }

    @Test
    void membersLookOnlyAtTheirOwnAndChangeNothing() {
        api(member, "2.1", "PUT", project, Map.of("quota_set", Map.of("instances", 50))).statusCode(403);
        api(member, "2.1", "DELETE", project, null).statusCode(403);
        String other = Keystone.createProject(admin, Keystone.unique("quota-other"));
        api(member, "2.1", "GET", other, null).statusCode(403);
        api(admin, "2.1", "GET", "no-such-project", null).statusCode(400).body("badRequest.message",
                equalTo("Project ID no-such-project is not a valid project."));
        api(admin, "2.1", "PUT", project, Map.of("quota_set", Map.of("instances", -2))).statusCode(400);
        api(admin, "2.1", "PUT", project, Map.of("quota_set", Map.of("bogus", 1))).statusCode(400);
        api(admin, "2.36", "PUT", project, Map.of("quota_set", Map.of("floating_ips", 1))).statusCode(400);
        api(admin, "2.35", "PUT", project, Map.of("quota_set", Map.of("floating_ips", 1))).statusCode(200)
                .body("quota_set.floating_ips", equalTo(-1));
    }
}
