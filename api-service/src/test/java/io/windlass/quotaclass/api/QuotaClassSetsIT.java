package io.windlass.quotaclass.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.windlass.testing.Keystone;
import io.windlass.testing.RealTokens;
import io.windlass.testing.ServerRows;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/**
 * Nova's {@code os-quota-class-sets}: admins read and set a class's limits; class {@code default}
 * becomes every project's default (under a project's own limits, over the configured ones) for
 * os-quota-sets and for creates; keys per microversion. Every test gives the classes back empty.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class QuotaClassSetsIT {
    @Inject
    ServerRows rows;
    @Inject
    EntityManager em;

    private String admin;
    private String project;
    private String member;

    @BeforeEach
    void aProjectWithAMember() {
        admin = Keystone.adminToken();
        String name = Keystone.unique("qclass");
        project = Keystone.createProject(admin, name);
        Keystone.createUser(admin, name, "pw", project, "member");
        member = Keystone.token(name, "pw", name);
        rows.hostWithImage("host-qclass");
    }

    @AfterEach
    void classesBackToTheConfiguredDefaults() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM quota_classes").executeUpdate());
    }

    private static ValidatableResponse api(String token, String version, String method, String path, Object body) {
        var request = given().header("X-Auth-Token", token).header("OpenStack-API-Version", "compute " + version)
                .contentType("application/json");
        if (body != null) {
            request = request.body(body);
        }
        return request.when().request(method, "/compute/v2.1/" + path).then();
    }

    private static Map<String, Object> classSet(Object... keysAndValues) {
        Map<String, Object> set = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            set.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Map.of("quota_class_set", set);
    }

    private ValidatableResponse boot() {
        return api(member, "2.95", "POST", "servers", Map.of("server", Map.of("name", "q", "flavorRef", "0",
                "imageRef", ServerRows.IMAGE_ID, "networks", "none")));
    }

    @Test
    void theDefaultClassShowsTheConfiguredLimitsWithEachVersionsKeys() {
        api(admin, "2.1", "GET", "os-quota-class-sets/default", null).statusCode(200)
                .body("quota_class_set", equalTo(Map.ofEntries(Map.entry("id", "default"), Map.entry("cores", 20),
                        Map.entry("fixed_ips", -1), Map.entry("floating_ips", -1),
                        Map.entry("injected_file_content_bytes", 10240), Map.entry("injected_file_path_bytes", 255),
                        Map.entry("injected_files", 5), Map.entry("instances", 10), Map.entry("key_pairs", 100),
                        Map.entry("metadata_items", 128), Map.entry("ram", 51200),
                        Map.entry("security_group_rules", -1), Map.entry("security_groups", -1))));
        api(admin, "2.50", "GET", "os-quota-class-sets/default", null).statusCode(200)
                .body("quota_class_set.server_groups", equalTo(10))
                .body("quota_class_set.server_group_members", equalTo(10))
                .body("quota_class_set.injected_files", equalTo(5))
                .body("quota_class_set", not(hasKey("fixed_ips")))
                .body("quota_class_set", not(hasKey("security_groups")));
        api(admin, "2.57", "GET", "os-quota-class-sets/default", null).statusCode(200)
                .body("quota_class_set", not(hasKey("injected_files")))
                .body("quota_class_set", not(hasKey("injected_file_path_bytes")))
                .body("quota_class_set.instances", equalTo(10));
    }

    @Test
    void theDefaultClassIsEveryProjectsDefaultUnderItsOwnLimits() {
        // a limit may come as digits, or as an integral JSON number written with a fraction
        api(admin, "2.1", "PUT", "os-quota-class-sets/default", classSet("instances", "1", "cores", 40.0))
                .statusCode(200)
                .body("quota_class_set.instances", equalTo(1))
                .body("quota_class_set.cores", equalTo(40))
                .body("quota_class_set.ram", equalTo(51200))
                .body("quota_class_set", not(hasKey("id")))
                .body("quota_class_set", not(hasKey("server_groups")));
        api(admin, "2.1", "GET", "os-quota-class-sets/default", null).statusCode(200)
                .body("quota_class_set.instances", equalTo(1));
        api(member, "2.1", "GET", "os-quota-sets/" + project, null).statusCode(200)
                .body("quota_set.instances", equalTo(1)).body("quota_set.cores", equalTo(40));
        api(member, "2.1", "GET", "os-quota-sets/" + project + "/defaults", null).statusCode(200)
                .body("quota_set.instances", equalTo(1));
        api(member, "2.1", "GET", "limits", null).statusCode(200)
                .body("limits.absolute.maxTotalInstances", equalTo(1));

        boot().statusCode(202);
        boot().statusCode(403);
        // the project's own limit goes over the class's
        api(admin, "2.1", "PUT", "os-quota-sets/" + project, Map.of("quota_set", Map.of("instances", 2)))
                .statusCode(200).body("quota_set.instances", equalTo(2));
        boot().statusCode(202);
        api(admin, "2.1", "DELETE", "os-quota-sets/" + project, null).statusCode(202);
        api(member, "2.1", "GET", "os-quota-sets/" + project, null).statusCode(200)
                .body("quota_set.instances", equalTo(1));

        // a class of another name is kept and shown, and limits nobody
        api(admin, "2.50", "PUT", "os-quota-class-sets/gold", classSet("instances", 500, "server_groups", 3))
                .statusCode(200).body("quota_class_set.instances", equalTo(500))
                .body("quota_class_set.server_groups", equalTo(3)).body("quota_class_set.cores", equalTo(20));
        api(admin, "2.1", "GET", "os-quota-class-sets/gold", null).statusCode(200)
                .body("quota_class_set.id", equalTo("gold")).body("quota_class_set.instances", equalTo(500));
        api(member, "2.1", "GET", "os-quota-sets/" + project + "/defaults", null).statusCode(200)
                .body("quota_set.instances", equalTo(1));
    }

    @Test
    void everyKeyOfItsVersionIsKeptAsTempestChecks() {
        Map<String, Object> raised = classSet("cores", 120, "fixed_ips", 99, "floating_ips", 99,
                "injected_file_content_bytes", 10340, "injected_file_path_bytes", 355, "injected_files", 105,
                "instances", 110, "key_pairs", 200, "metadata_items", 228, "ram", 51300, "security_group_rules", 99,
                "security_groups", 99, "server_groups", 110, "server_group_members", 110);
        @SuppressWarnings("unchecked")
        Map<String, Object> expected = new LinkedHashMap<>((Map<String, Object>) raised.get("quota_class_set"));
        // before 2.50 the server group keys are taken but not shown
        expected.remove("server_groups");
        expected.remove("server_group_members");
        api(admin, "2.1", "PUT", "os-quota-class-sets/default", raised).statusCode(200)
                .body("quota_class_set", equalTo(expected));
        api(admin, "2.50", "GET", "os-quota-class-sets/default", null).statusCode(200)
                .body("quota_class_set.server_groups", equalTo(110));
        api(member, "2.1", "GET", "os-quota-sets/" + project + "/defaults", null).statusCode(200)
                .body("quota_set.key_pairs", equalTo(200))
                .body("quota_set.injected_file_path_bytes", equalTo(355))
                // the project's nova-network quotas stay unlimited: nothing enforces them
                .body("quota_set.fixed_ips", equalTo(-1));
    }

    @Test
    void adminsOnlyAndNovasValidation() {
        api(member, "2.1", "GET", "os-quota-class-sets/default", null).statusCode(403).body("forbidden.message",
                equalTo("Policy doesn't allow os_compute_api:os-quota-class-sets:show to be performed."));
        api(member, "2.1", "PUT", "os-quota-class-sets/default", classSet("instances", 50)).statusCode(403)
                .body("forbidden.message",
                        equalTo("Policy doesn't allow os_compute_api:os-quota-class-sets:update to be performed."));
        // the body is checked before the policy, as Nova's decorators do
        api(member, "2.1", "PUT", "os-quota-class-sets/default", classSet("instances", -2)).statusCode(400);

        api(admin, "2.1", "PUT", "os-quota-class-sets/default", classSet("instances", -2)).statusCode(400)
                .body("badRequest.message", equalTo("Invalid input for field/attribute quota_class_set/instances. Value: -2. "
                        + "-2 is less than the minimum of -1"));
        api(admin, "2.1", "PUT", "os-quota-class-sets/default", classSet("bogus", 1)).statusCode(400);
        api(admin, "2.1", "PUT", "os-quota-class-sets/default", Map.of("instances", 1)).statusCode(400);
        api(admin, "2.50", "PUT", "os-quota-class-sets/default", classSet("fixed_ips", 1)).statusCode(400)
                .body("badRequest.message", equalTo("Invalid input for field/attribute quota_class_set. Value: "
                        + "{'fixed_ips': 1}. Additional properties are not allowed ('fixed_ips' was unexpected)"));
        api(admin, "2.57", "PUT", "os-quota-class-sets/default", classSet("injected_files", 1)).statusCode(400);
        api(admin, "2.56", "PUT", "os-quota-class-sets/default", classSet("injected_files", 1)).statusCode(200);
        api(admin, "2.1", "PUT", "os-quota-class-sets/" + "c".repeat(256), classSet("instances", 1)).statusCode(400)
                .body("badRequest.message", equalTo("quota_class_name has 256 characters, more than 255."));
        api(admin, "2.1", "PUT", "os-quota-class-sets/" + "c".repeat(255), classSet("instances", 1)).statusCode(200);
    }
}
