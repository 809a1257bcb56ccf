package io.windlass.container.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.container.FindVolumes;
import io.windlass.container.VolumeMount;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.testing.ContainerRows;
import io.windlass.testing.StubbedHost;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Zun's {@code mounts} (1.11) on engine named volumes: a named volume is asked of the hosts (compute
 * {@code find_volumes}) and pins the container to the host that has it, one no host has is Zun's 404 with
 * nothing left behind; a size without a source is a volume the host makes for the container.
 */
@QuarkusTest
class ContainerMountsIT {
    private static final String HOST = "vol-host";

    @Inject
    ContainerRows rows;
    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;

    @BeforeEach
    void hostIsUp() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO compute_hosts (host, driver, vcpus, memory_mb, disk_gb, last_heartbeat_at)
                VALUES ('vol-host', 'docker', 4, 8192, 100, now())
                ON CONFLICT (host) DO UPDATE SET last_heartbeat_at = now()""").executeUpdate());
    }

    private static Response create(Map<String, Object> body) {
        return given().header("OpenStack-API-Version", "container 1.39").contentType("application/json")
                .body(body).when().post("/container/v1/containers");
    }

    private static void forceDelete(String uuid) {
        given().header("OpenStack-API-Version", "container 1.39").when()
                .delete("/container/v1/containers/" + uuid + "?force=True").then().statusCode(204);
    }

    @Test
    void aNamedVolumeThatTheHostHasPinsTheContainerThere() throws Exception {
        StubbedHost.Served served = new StubbedHost(HOST, json).serve(ComputeRpcApi.FIND_VOLUMES,
                () -> create(Map.of("image", "busybox", "host", HOST, "mounts", List.of(
                        Map.of("source", "pgdata", "destination", "/var/lib/data"),
                        Map.of("size", 1, "destination", "/scratch")))),
                new StubbedHost(HOST, json).answer(new FindVolumes.Found(List.of("pgdata"))));
        String uuid = served.response().then().statusCode(202).extract().path("uuid");
        assertEquals("default", served.args().get("projectId").asText());
        assertEquals(List.of("pgdata"), json.convertValue(served.args().get("names"), List.class));

        ContainerEntity row = rows.find(UUID.fromString(uuid)).orElseThrow();
        assertEquals(List.of(new VolumeMount("pgdata", "/var/lib/data", false),
                new VolumeMount("windlass-" + uuid + "-1", "/scratch", true)), row.mounts);
        assertEquals(HOST, row.requestedHost);
        forceDelete(uuid);
    }

    @Test
    void aVolumeNoHostHasIsZunsNotFoundAndNothingIsLeft() throws Exception {
        long before = rows.count();
        StubbedHost.Served served = new StubbedHost(HOST, json).serve(ComputeRpcApi.FIND_VOLUMES,
                () -> create(Map.of("image", "busybox", "host", HOST,
                        "mounts", List.of(Map.of("source", "nope", "destination", "/d")))),
                new StubbedHost(HOST, json).answer(new FindVolumes.Found(List.of())));
        served.response().then().statusCode(404)
                .body("errors[0].code", equalTo("container.volume-not-found"))
                .body("errors[0].detail", equalTo("Volume nope could not be found."));
        assertEquals(before, rows.count());
    }

    @Test
    void aVolumeMadeForTheContainerAsksNoHost() {
        String uuid = given().header("OpenStack-API-Version", "container 1.11").contentType("application/json")
                .body(Map.of("image", "busybox", "mounts", List.of(Map.of("size", "2", "destination", "/cache"))))
                .when().post("/container/v1/containers").then().statusCode(202).extract().path("uuid");
        ContainerEntity row = rows.find(UUID.fromString(uuid)).orElseThrow();
        assertEquals(List.of(new VolumeMount("windlass-" + uuid + "-0", "/cache", true)), row.mounts);
        assertEquals(null, row.requestedHost);
        forceDelete(uuid);
    }
}
