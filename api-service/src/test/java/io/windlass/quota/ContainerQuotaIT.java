package io.windlass.quota;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.windlass.networking.Neutron;
import io.windlass.testing.ContainerRows;
import io.windlass.testing.Keystone;
import io.windlass.testing.RealTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Quotas at create (RealTokens sets 5 containers per project), under concurrency, with nothing of a
 * refused create left behind, and their release.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class ContainerQuotaIT {
    @Inject
    ContainerRows rows;
    @Inject
    EntityManager em;

    @Test
    void concurrentCreatesNeverOvershootAndDeletesReleaseQuota() throws Exception {
        String admin = Keystone.adminToken();
        String name = Keystone.unique("quota");
        String projectId = Keystone.createProject(admin, name);
        Keystone.createUser(admin, name, "pw", projectId, "member");
        String token = Keystone.token(name, "pw", name);
        // each create also makes a port on the project's network, before its reservation
        String network = Neutron.network(token, name);
        Neutron.subnet(token, network, "198.19.47.0/24");

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> creates = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            creates.add(() -> given().header("X-Auth-Token", token).contentType("application/json")
                    .body("{\"image\": \"busybox\", \"memory\": \"64\", \"cpu\": \"0.1\", \"nets\": [{\"network\": \""
                            + network + "\"}]}")
                    .header("OpenStack-API-Version", "container 1.40")
                    .when().post("/container/v1/containers").statusCode());
        }
        int accepted = 0;
        int refused = 0;
        for (Future<Integer> f : pool.invokeAll(creates)) {
            int status = f.get();
            if (status == 202) {
                accepted++;
            } else if (status == 403) {
                refused++;
            }
        }
        pool.shutdown();
        assertEquals(5, accepted);
        assertEquals(7, refused);
        // a refused create wrote its rows before its reservation (ReservationQueue): all of them went with it
        assertEquals(5, count("select count(*) from containers where project_id = ?1", projectId));
        assertEquals(5, count("select count(*) from workload_actions where project_id = ?1", projectId));
        assertEquals(5, count("select count(*) from ports where project_id = ?1", projectId));
        assertEquals(0, count("select count(*) from ports p where p.project_id = ?1 and not exists "
                + "(select 1 from containers c where cast(c.uuid as text) = p.device_id)", projectId));

        given().header("X-Auth-Token", token).contentType("application/json").body("{\"image\": \"busybox\"}")
                .when().post("/container/v1/containers").then().statusCode(403)
                .body("errors[0].code", equalTo("container.over-quota"))
                .body("errors[0].detail", equalTo("Quota exceeded for resources: ['containers']"));

        // rows deleted by anyone (here: directly, as the conductor does) give the quota back
        String uuid = given().header("X-Auth-Token", token).when().get("/container/v1/containers")
                .then().extract().path("containers[0].uuid");
        rows.update(UUID.fromString(uuid), c -> c.delete());
        given().header("X-Auth-Token", token).contentType("application/json").body("{\"image\": \"busybox\"}")
                .when().post("/container/v1/containers").then().statusCode(202);
    }

    private long count(String sql, String projectId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, projectId).getSingleResult()).longValue());
    }

    @Test
    void explicitProjectLimitOverridesTheDefaultAndIsNamed() {
        String admin = Keystone.adminToken();
        String name = Keystone.unique("mem");
        String projectId = Keystone.createProject(admin, name);
        Keystone.createUser(admin, name, "pw", projectId, "member");
        String token = Keystone.token(name, "pw", name);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "insert into quotas (project_id, resource, hard_limit) values (?1, 'memory', 1000)")
                .setParameter(1, projectId).executeUpdate());
        given().header("X-Auth-Token", token).contentType("application/json")
                .body("{\"image\": \"busybox\", \"memory\": \"512\"}")
                .when().post("/container/v1/containers").then().statusCode(202);
        given().header("X-Auth-Token", token).contentType("application/json")
                .body("{\"image\": \"busybox\", \"memory\": \"512\"}")
                .when().post("/container/v1/containers").then().statusCode(403)
                .body("errors[0].detail", equalTo("Quota exceeded for resources: ['memory']"));
    }
}
