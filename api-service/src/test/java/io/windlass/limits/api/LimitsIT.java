package io.windlass.limits.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.windlass.testing.Keystone;
import io.windlass.testing.RealTokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** GET /limits: quota limits and usage of the caller's project (or another's, for admins), by microversion. */
@QuarkusTest
@TestProfile(RealTokens.class)
class LimitsIT {
    private static final Set<String> AT_2_1 = Set.of("maxImageMeta", "maxPersonality", "maxPersonalitySize",
            "maxSecurityGroupRules", "maxSecurityGroups", "maxServerMeta", "maxTotalCores", "maxTotalFloatingIps",
            "maxTotalInstances", "maxTotalKeypairs", "maxTotalRAMSize", "maxServerGroups", "maxServerGroupMembers",
            "totalCoresUsed", "totalInstancesUsed", "totalRAMUsed", "totalSecurityGroupsUsed", "totalFloatingIpsUsed",
            "totalServerGroupsUsed");
    private static final Set<String> AT_2_57 = Set.of("maxServerMeta", "maxTotalCores", "maxTotalInstances",
            "maxTotalKeypairs", "maxTotalRAMSize", "maxServerGroups", "maxServerGroupMembers", "totalCoresUsed",
            "totalInstancesUsed", "totalRAMUsed", "totalServerGroupsUsed");

    @Inject
    EntityManager em;

    private static Map<String, Object> absolute(String token, String version, String query) {
        return given().header("X-Auth-Token", token).header("OpenStack-API-Version", "compute " + version)
                .when().get("/compute/v2.1/limits" + query).then().statusCode(200)
                .body("limits.rate", hasSize(0)).extract().path("limits.absolute");
    }

    @Test
    void limitsAndUsageOfTheCallersProjectShapedByMicroversion() {
        String admin = Keystone.adminToken();
        String name = Keystone.unique("lim");
        String projectId = Keystone.createProject(admin, name);
        Keystone.createUser(admin, name, "pw", projectId, "member");
        String token = Keystone.token(name, "pw", name);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into quotas (project_id, resource, hard_limit) values (?1, 'cores', 7)")
                    .setParameter(1, projectId).executeUpdate();
            em.createNativeQuery("insert into quota_usages (project_id, resource, in_use) values (?1, 'instances', 2),"
                    + " (?1, 'cores', 3), (?1, 'ram', 256)").setParameter(1, projectId).executeUpdate();
        });

        Map<String, Object> v21 = absolute(token, "2.1", "");
        assertEquals(AT_2_1, v21.keySet());
        assertEquals(7, v21.get("maxTotalCores"));
        assertEquals(10, v21.get("maxTotalInstances"));
        assertEquals(51200, v21.get("maxTotalRAMSize"));
        assertEquals(128, v21.get("maxServerMeta"));
        assertEquals(5, v21.get("maxPersonality"));
        assertEquals(10240, v21.get("maxPersonalitySize"));
        assertEquals(2, v21.get("totalInstancesUsed"));
        assertEquals(3, v21.get("totalCoresUsed"));
        assertEquals(256, v21.get("totalRAMUsed"));
        assertEquals(-1, v21.get("maxSecurityGroups"));

        Map<String, Object> v236 = absolute(token, "2.36", "");
        assertEquals(Set.of("maxImageMeta", "maxPersonality", "maxPersonalitySize", "maxServerMeta", "maxTotalCores",
                "maxTotalInstances", "maxTotalKeypairs", "maxTotalRAMSize", "maxServerGroups", "maxServerGroupMembers",
                "totalCoresUsed", "totalInstancesUsed", "totalRAMUsed", "totalServerGroupsUsed"), v236.keySet());
        assertEquals(AT_2_57, absolute(token, "2.57", "").keySet());
        assertEquals(AT_2_57, absolute(token, "2.95", "").keySet());

        // an admin may read the project's limits; the member may not read the admin's
        assertEquals(2, absolute(admin, "2.1", "?tenant_id=" + projectId).get("totalInstancesUsed"));
        given().header("X-Auth-Token", token).when().get("/compute/v2.1/limits?tenant_id=other").then()
                .statusCode(403).body("forbidden.message",
                        equalTo("Policy doesn't allow os_compute_api:limits:other_project to be performed."));
        given().header("X-Auth-Token", token).when().get("/compute/v2.1/" + projectId + "/limits").then()
                .statusCode(200).body("limits.absolute.maxTotalCores", equalTo(7));
    }
}
