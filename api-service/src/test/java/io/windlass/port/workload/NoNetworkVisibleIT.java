package io.windlass.port.workload;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.windlass.image.catalog.ImageCatalog;
import io.windlass.networking.Neutron;
import io.windlass.testing.ProjectMember;
import io.windlass.testing.RealTokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.windlass.networking.Neutron.V2;
import static io.windlass.networking.Neutron.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/**
 * With {@code windlass.network.workloads.when-none-visible=refuse}, a create that names no network in
 * a project that sees none is refused as upstream refuses it, and leaves no row or port: Zun's 409
 * "There is no neutron network available" for containers and capsules, Nova's 400
 * UnableToAutoAllocateNetwork for {@code networks: auto}. A Nova create before 2.37 that names no
 * network still boots, without a port, as Nova boots it without a NIC. Once the project has a network,
 * the same requests are accepted on it.
 */
@QuarkusTest
@TestProfile(NoNetworkVisibleIT.Refusing.class)
class NoNetworkVisibleIT {
    private static final String IMAGE_ID = ImageCatalog.idOf("busybox:latest");

    public static class Refusing extends RealTokens {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("windlass.network.workloads.choose-network", "true");
            config.put("windlass.network.workloads.when-none-visible", "refuse");
            return config;
        }
    }

    @Inject
    EntityManager em;

    private ProjectMember users;

    @BeforeEach
    void aProjectWithoutNetworks() {
        users = ProjectMember.create("no-net");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO compute_hosts (host, driver, vcpus, memory_mb, disk_gb, images, last_heartbeat_at)
                VALUES ('host-no-net', 'docker', 64, 262144, 1000, '["busybox:latest"]', now())
                ON CONFLICT (host) DO UPDATE SET images = EXCLUDED.images, last_heartbeat_at = now()""").executeUpdate());
    }

    private ValidatableResponse container() {
        return as(users.member()).header("OpenStack-API-Version", "container 1.40").contentType("application/json")
                .body(Map.of("image", "busybox", "name", "no-net", "command", List.of("sleep", "60")))
                .post("/container/v1/containers").then();
    }

    private ValidatableResponse capsule() {
        return as(users.member()).contentType("application/json")
                .body(Map.of("template", Map.of("kind", "capsule", "metadata", Map.of("name", "no-net"),
                        "spec", Map.of("containers", List.of(Map.of("image", "busybox", "name", "web",
                                "command", List.of("sleep", "60")))))))
                .post("/container/v1/capsules").then();
    }

    private ValidatableResponse server(String version, Map<String, Object> networks) {
        Map<String, Object> server = new HashMap<>(Map.of("name", "no-net", "flavorRef", "0", "imageRef", IMAGE_ID));
        server.putAll(networks);
        return given().header("X-Auth-Token", users.member()).header("OpenStack-API-Version", "compute " + version)
                .contentType("application/json").body(Map.of("server", server)).post("/compute/v2.1/servers").then();
    }

    private ValidatableResponse projectPorts() {
        return as(users.member()).when().get(V2 + "/ports").then().statusCode(200);
    }

    @Test
    void zunRefusesWithAConflictAndLeavesNothing() {
        container().statusCode(409).body("errors[0].detail", equalTo("There is no neutron network available"))
                .body("errors[0].request_id", notNullValue());
        capsule().statusCode(409).body("errors[0].detail", equalTo("There is no neutron network available"));
        as(users.member()).get("/container/v1/containers").then().statusCode(200).body("containers", empty());
        as(users.member()).get("/container/v1/capsules").then().statusCode(200).body("capsules", empty());
        projectPorts().body("ports", empty());
    }

    @Test
    void novaRefusesAutoButBootsAnOlderRequestWithoutAPort() {
        server("2.37", Map.of("networks", "auto")).statusCode(400)
                .body("badRequest.message", equalTo("Unable to automatically allocate a network for project "
                        + users.project()));
        given().header("X-Auth-Token", users.member()).get("/compute/v2.1/servers").then().statusCode(200)
                .body("servers", empty());

        String older = server("2.1", Map.of()).statusCode(202).extract().path("server.id");
        as(users.member()).queryParam("device_id", older).get(V2 + "/ports").then().statusCode(200)
                .body("ports", empty());
        server("2.37", Map.of("networks", "none")).statusCode(202);
    }

    @Test
    void aNetworkOfTheProjectIsTakenOnceThereIsOne() {
        String net = Neutron.network(users.member(), "mine");
        Neutron.subnet(users.member(), net, "198.19.47.0/24");

        String container = container().statusCode(202).extract().path("uuid");
        String server = server("2.37", Map.of("networks", "auto")).statusCode(202).extract().path("server.id");
        as(users.member()).queryParam("device_id", container).get(V2 + "/ports").then().statusCode(200)
                .body("ports", hasSize(1)).body("ports.network_id", contains(net));
        as(users.member()).queryParam("device_id", server).get(V2 + "/ports").then().statusCode(200)
                .body("ports", hasSize(1)).body("ports.network_id", contains(net));
    }
}
