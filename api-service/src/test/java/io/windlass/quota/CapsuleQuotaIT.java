package io.windlass.quota;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.windlass.testing.Keystone;
import io.windlass.testing.RealTokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Capsules reserve the Zun quotas like containers (RealTokens allows 5 containers per
 * project): each app container counts, and deleting the capsule row gives it all back.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class CapsuleQuotaIT {
    @Inject
    QuotaEnforcer quotas;

    private static Map<String, Object> capsule(int apps) {
        List<Map<String, Object>> containers = java.util.stream.IntStream.range(0, apps)
                .mapToObj(i -> Map.<String, Object>of("image", "busybox", "resources",
                        Map.of("requests", Map.of("cpu", 0.5, "memory", 64))))
                .toList();
        return Map.of("template", Map.of("kind", "capsule", "metadata", Map.of("name", Keystone.unique("qc")),
                "spec", Map.of("containers", containers)));
    }

    @Test
    void appContainersCountAndADeletedCapsuleReleasesThem() {
        String admin = Keystone.adminToken();
        String name = Keystone.unique("capq");
        String projectId = Keystone.createProject(admin, name);
        Keystone.createUser(admin, name, "pw", projectId, "member");
        String token = Keystone.token(name, "pw", name);

        String first = given().header("X-Auth-Token", token).contentType("application/json").body(capsule(3))
                .when().post("/container/v1/capsules").then().statusCode(202).extract().path("uuid");
        assertEquals(3.0, quotas.inUse(projectId, QuotaResource.CONTAINERS));
        assertEquals(1.5, quotas.inUse(projectId, QuotaResource.CPU));
        assertEquals(192.0, quotas.inUse(projectId, QuotaResource.MEMORY));

        given().header("X-Auth-Token", token).contentType("application/json").body(capsule(3))
                .when().post("/container/v1/capsules").then().statusCode(403)
                .body("errors[0].detail", equalTo("Quota exceeded for resources: ['containers']"));
        // the refused capsule left neither a row nor a reservation
        assertEquals(3.0, quotas.inUse(projectId, QuotaResource.CONTAINERS));
        given().header("X-Auth-Token", token).when().get("/container/v1/capsules").then().statusCode(200)
                .body("capsules.size()", equalTo(1));

        // a capsule that never got a host is deleted by the API; the trigger releases its usage
        given().header("X-Auth-Token", token).when().delete("/container/v1/capsules/" + first).then()
                .statusCode(204);
        assertEquals(0.0, quotas.inUse(projectId, QuotaResource.CONTAINERS));
        assertEquals(0.0, quotas.inUse(projectId, QuotaResource.CPU));
        assertEquals(0.0, quotas.inUse(projectId, QuotaResource.MEMORY));
        given().header("X-Auth-Token", token).contentType("application/json").body(capsule(3))
                .when().post("/container/v1/capsules").then().statusCode(202);
    }
}
