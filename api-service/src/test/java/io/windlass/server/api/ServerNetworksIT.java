package io.windlass.server.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.windlass.image.catalog.ImageCatalog;
import io.windlass.networking.Neutron;
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
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Nova's {@code networks} on server create: a port is bound, a network with or without a fixed
 * address gets a port made for the server, every refusal is Nova's and leaves nothing behind, and
 * a delete unbinds the port the user brought and deletes the one made for the server (the rows
 * here are never placed, so the api-service deletes them).
 */
@QuarkusTest
class ServerNetworksIT {
    private static final String IMAGE_ID = ImageCatalog.idOf("busybox:latest");

    @Inject
    EntityManager em;

    @BeforeEach
    void aHostWithTheImage() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO compute_hosts (host, driver, vcpus, memory_mb, disk_gb, images, last_heartbeat_at)
                VALUES ('host-nets', 'docker', 64, 262144, 1000, '["busybox:latest"]', now())
                ON CONFLICT (host) DO UPDATE SET images = EXCLUDED.images, last_heartbeat_at = now()""").executeUpdate());
    }

    private static ValidatableResponse boot(Object networks, Map<String, Object> extra) {
        Map<String, Object> server = new HashMap<>(Map.of("name", "nets", "flavorRef", "0", "imageRef", IMAGE_ID,
                "networks", networks));
        server.putAll(extra);
        return given().header("OpenStack-API-Version", "compute 2.95").contentType("application/json")
                .body(Map.of("server", server)).when().post("/compute/v2.1/servers").then();
    }

    private static String booted(Object networks) {
        return boot(networks, Map.of()).statusCode(202).extract().path("server.id");
    }

    private static void delete(String id) {
        given().header("OpenStack-API-Version", "compute 2.95").when().delete("/compute/v2.1/servers/" + id).then()
                .statusCode(204);
    }

    private static ValidatableResponse portsOf(String device) {
        return as(null).queryParam("device_id", device).when().get(V2 + "/ports").then().statusCode(200);
    }

    private static int portsOn(String network) {
        return as(null).queryParam("network_id", network).when().get(V2 + "/ports").then().statusCode(200)
                .extract().path("ports.size()");
    }

    @Test
    void aPortIsBoundKeptOnDeleteAndBootsTheNextServer() {
        String net = Neutron.network(null, "srv-port");
        Neutron.subnet(null, net, "198.19.44.0/24");
        String port = Neutron.port(null, Map.of("network_id", net)).statusCode(201).extract().path("port.id");

        String first = booted(List.of(Map.of("port", port)));
        portsOf(first).body("ports.id", contains(port)).body("ports[0].device_owner", equalTo("compute:nova"));
        boot(List.of(Map.of("port", port)), Map.of()).statusCode(409).body("conflictingRequest.message",
                equalTo("Port " + port + " is still in use."));
        delete(first);
        as(null).when().get(V2 + "/ports/" + port).then().statusCode(200).body("port.device_id", equalTo(""))
                .body("port.status", equalTo("DOWN"));
        delete(booted(List.of(Map.of("port", port))));
    }

    @Test
    void aNetworkWithAFixedAddressGetsAPortThatGoesWithTheServer() {
        String net = Neutron.network(null, "srv-fixed");
        String subnet = Neutron.subnet(null, net, "198.19.45.0/24");
        String id = booted(List.of(Map.of("uuid", net, "fixed_ip", "198.19.45.7", "tag", "nic1")));
        portsOf(id).body("ports", hasSize(1))
                .body("ports[0].fixed_ips", contains(Map.of("subnet_id", subnet, "ip_address", "198.19.45.7")));
        boot(List.of(Map.of("uuid", net, "fixed_ip", "198.19.45.7")), Map.of()).statusCode(400)
                .body("badRequest.message", equalTo("Fixed IP address 198.19.45.7 is already in use."));
        delete(id);
        portsOf(id).body("ports", empty());
    }

    @Test
    void everyRefusalIsNovasAndLeavesNothingBehind() {
        String net = Neutron.network(null, "srv-bad");
        Neutron.subnet(null, net, "198.19.46.0/24");
        String bare = Neutron.network(null, "srv-bad-nosubnet");
        String port = Neutron.port(null, Map.of("network_id", net)).statusCode(201).extract().path("port.id");
        String missing = "6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
        int before = portsOn(net);

        boot(List.of(Map.of("uuid", missing)), Map.of()).statusCode(400).body("badRequest.message",
                equalTo("Network " + missing + " could not be found."));
        boot(List.of(Map.of("uuid", "srv-bad")), Map.of()).statusCode(400).body("badRequest.message",
                equalTo("Bad networks format: network uuid is not in proper format (srv-bad)"));
        boot(List.of(Map.of("uuid", bare)), Map.of()).statusCode(400).body("badRequest.message",
                equalTo("Network " + bare + " requires a subnet in order to boot instances on."));
        boot(List.of(Map.of("port", missing)), Map.of()).statusCode(400).body("badRequest.message",
                equalTo("Port id " + missing + " could not be found."));
        boot(List.of(Map.of("port", port), Map.of("port", port)), Map.of()).statusCode(400).body("badRequest.message",
                equalTo("Port ID '" + port + "' was specified twice: you cannot attach a port multiple times."));
        boot(List.of(Map.of("port", port)), Map.of("max_count", 2)).statusCode(400);
        boot(List.of(Map.of("uuid", net, "fixed_ip", "198.19.46.9")), Map.of("max_count", 2)).statusCode(400)
                .body("badRequest.message", equalTo("max_count cannot be greater than 1 if an fixed_ip is specified."));
        boot(List.of(Map.of("uuid", net, "fixed_ip", "198.19.99.9")), Map.of()).statusCode(400);
        boot(List.of(Map.of("port", port, "fixed_ip", "198.19.46.9")), Map.of()).statusCode(400);
        boot(List.of(Map.of("uuid", net, "bogus", 1)), Map.of()).statusCode(400);
        // 2.37-2.41 have no tag
        given().header("OpenStack-API-Version", "compute 2.40").contentType("application/json")
                .body(Map.of("server", Map.of("name", "t", "flavorRef", "0", "imageRef", IMAGE_ID,
                        "networks", List.of(Map.of("uuid", net, "tag", "x")))))
                .when().post("/compute/v2.1/servers").then().statusCode(400);
        // the good first item does not survive the bad second one
        boot(List.of(Map.of("uuid", net), Map.of("uuid", missing)), Map.of()).statusCode(400);

        assertEquals(before, portsOn(net));
        as(null).when().get(V2 + "/ports/" + port).then().body("port.device_id", equalTo(""));
    }

    @Test
    void noneMeansNoPort() {
        String id = booted("none");
        portsOf(id).body("ports", empty());
        delete(id);
    }
}
