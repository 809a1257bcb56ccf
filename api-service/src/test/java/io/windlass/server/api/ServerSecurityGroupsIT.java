package io.windlass.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.image.catalog.ImageCatalog;
import io.windlass.networking.Neutron;
import io.windlass.rpc.Envelope;
import io.windlass.testing.RpcQueueProbe;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.windlass.networking.Neutron.V2;
import static io.windlass.networking.Neutron.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Nova's {@code addSecurityGroup} and {@code removeSecurityGroup}: the group goes on or off every
 * port of the server, the hosts are told (refresh_port_filters with the change), the server shows
 * the names; Nova's refusals in its words.
 */
@QuarkusTest
class ServerSecurityGroupsIT {
    private static final String IMAGE_ID = ImageCatalog.idOf("busybox:latest");

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    private RpcQueueProbe conductor;

    @BeforeEach
    void aHostWithTheImage() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO compute_hosts (host, driver, vcpus, memory_mb, disk_gb, images, last_heartbeat_at)
                VALUES ('host-sg', 'docker', 64, 262144, 1000, '["busybox:latest"]', now())
                ON CONFLICT (host) DO UPDATE SET images = EXCLUDED.images, last_heartbeat_at = now()""").executeUpdate());
        conductor = RpcQueueProbe.on("conductor", json);
    }

    @AfterEach
    void close() throws Exception {
        conductor.close();
    }

    private static String boot(Object networks) {
        return given().header("OpenStack-API-Version", "compute 2.95").contentType("application/json")
                .body(Map.of("server", Map.of("name", "sg", "flavorRef", "0", "imageRef", IMAGE_ID,
                        "networks", networks))).post("/compute/v2.1/servers").then().statusCode(202).extract()
                .path("server.id");
    }

    private static ValidatableResponse action(String id, String name, Object body) {
        return given().contentType("application/json").body(Map.of(name, body))
                .post("/compute/v2.1/servers/" + id + "/action").then();
    }

    private Envelope nextCast(String method) throws Exception {
        while (true) {
            Envelope sent = conductor.next(Duration.ofSeconds(5)).envelope();
            if (sent.method().equals(method)) {
                return sent;
            }
        }
    }

    @Test
    void aGroupGoesOnAndOffEveryPortOfTheServerAndTheHostsAreTold() throws Exception {
        String net = Neutron.network(null, "srv-sg");
        Neutron.subnet(null, net, "198.19.46.0/24");
        String web = Neutron.post(null, "security-groups", "security_group", Map.of("name", "web")).statusCode(201)
                .extract().path("security_group.id");
        String id = boot(List.of(Map.of("uuid", net)));
        String port = as(null).queryParam("device_id", id).get(V2 + "/ports").then().statusCode(200).extract()
                .path("ports[0].id");

        action(id, "addSecurityGroup", Map.of("name", "web")).statusCode(202);
        as(null).get(V2 + "/ports/" + port).then().statusCode(200).body("port.security_groups", hasItem(web));
        Envelope told = nextCast(ConductorRpcApi.REFRESH_PORT_FILTERS.name());
        assertEquals(port, told.args().get("portIds").get(0).asText());
        given().get("/compute/v2.1/servers/" + id).then().statusCode(200)
                .body("server.security_groups.name", hasItem("web"));

        action(id, "removeSecurityGroup", Map.of("name", web)).statusCode(202);
        as(null).get(V2 + "/ports/" + port).then().statusCode(200).body("port.security_groups", not(hasItem(web)));
        action(id, "removeSecurityGroup", Map.of("name", "web")).statusCode(400).body("badRequest.message",
                equalTo("Security group web not associated with the instance " + id));
        action(id, "addSecurityGroup", Map.of("name", "nope")).statusCode(404);
        action(id, "addSecurityGroup", Map.of()).statusCode(400)
                .body("badRequest.message", equalTo("Security group not specified"));
        action(id, "addSecurityGroup", Map.of("name", " ")).statusCode(400)
                .body("badRequest.message", equalTo("Security group name cannot be empty"));
        action(id, "addSecurityGroup", "web").statusCode(400)
                .body("badRequest.message", equalTo("Missing parameter dict"));

        // a server lists default, as Nova does, though its ports were made as the server asked:
        // removing it works (Tempest's test_remove_server_all_security_groups)
        action(id, "removeSecurityGroup", Map.of("name", "default")).statusCode(202);
        given().get("/compute/v2.1/servers/" + id).then().statusCode(200)
                .body("server.security_groups.name", not(hasItem("default")));

        String portless = boot("none");
        action(portless, "addSecurityGroup", Map.of("name", "web")).statusCode(400);
        // a portless server's default is only a name: it can be taken off
        action(portless, "removeSecurityGroup", Map.of("name", "default")).statusCode(202);
        action(portless, "removeSecurityGroup", Map.of("name", "default")).statusCode(400);
        // in no group: Nova's view has no security_groups key at all
        given().get("/compute/v2.1/servers/" + portless).then().statusCode(200)
                .body("server", not(org.hamcrest.Matchers.hasKey("security_groups")));

        // never placed: deleted at once, their quota back for the ITs that boot after this one
        for (String server : List.of(id, portless)) {
            given().delete("/compute/v2.1/servers/" + server).then().statusCode(204);
        }
    }
}
