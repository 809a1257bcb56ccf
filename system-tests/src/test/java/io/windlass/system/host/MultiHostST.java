package io.windlass.system.host;

import io.restassured.response.Response;
import io.windlass.system.EngineHost;
import io.windlass.system.Poller;
import io.windlass.system.ServersApi;
import io.windlass.system.WindlassService;
import io.windlass.system.WindlassSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two compute hosts of their own beside the run's usual one, each a network namespace with its own
 * dockerd and agent (deploy/local/engine-host, as {@code up --hosts} makes them): a server placed on
 * a named host lands in that host's engine and no other, on that host's bridge network, and goes
 * from there when deleted.
 */
class MultiHostST {
    private static final String VERSION = "compute 2.79";

    @RegisterExtension
    static final WindlassSystem system = new WindlassSystem();

    private static final ServersApi servers = new ServersApi(system::adminToken, VERSION);

    private static EngineHost first;
    private static EngineHost second;

    @BeforeAll
    static void twoMoreHosts() throws IOException {
        first = system.startEngineHost(201, 28791 + WindlassService.PORT_OFFSET);
        second = system.startEngineHost(202, 28792 + WindlassService.PORT_OFFSET);
        Poller.standard().until("both hosts up and enabled", () -> servers.request().get("/os-services").jsonPath()
                        .getList("services.findAll { it.state == 'up' && it.status == 'enabled' }.host"),
                hosts -> hosts.containsAll(List.of(first.name(), second.name())));
    }

    @Test
    void aServerPlacedOnANamedHostRunsInThatHostsEngineOnly() {
        String imageId = servers.imageId("busybox:latest");
        String onFirst = boot("st-first", first, imageId);
        String onSecond = boot("st-second", second, imageId);

        for (var placed : Map.of(onFirst, first, onSecond, second).entrySet()) {
            Map<String, Object> server = servers.awaitStatus(placed.getKey(), "ACTIVE");
            EngineHost host = placed.getValue();
            assertEquals(host.name(), server.get("OS-EXT-SRV-ATTR:host"));
            assertEquals(1, host.docker().idsWithLabel("windlass.server.uuid", placed.getKey()).size(),
                    "in the engine of " + host.name());
            assertTrue(server.get("addresses").toString().contains(host.bridgePrefix()),
                    "an address on " + host.name() + "'s own bridge: " + server.get("addresses"));
        }
        assertTrue(first.docker().idsWithLabel("windlass.server.uuid", onSecond).isEmpty());
        assertTrue(second.docker().idsWithLabel("windlass.server.uuid", onFirst).isEmpty());
        assertTrue(system.docker().idsWithLabel("windlass.server.uuid", onFirst).isEmpty(),
                "nothing in the machine's own engine");

        for (var placed : Map.of(onFirst, first, onSecond, second).entrySet()) {
            assertEquals(204, servers.request().delete("/servers/" + placed.getKey()).statusCode());
            Poller.standard().until("server gone from " + placed.getValue().name(),
                    () -> placed.getValue().docker().idsWithLabel("windlass.server.uuid", placed.getKey()),
                    List::isEmpty);
        }
    }

    /**
     * Nova's shelve puts the server's snapshot in Glance, so an offloaded server may come back on
     * any host: here its host pushes the shelved image into the image store, and an unshelve to the
     * other host (2.91) spawns it there from the store, its files as they were; the first host's copy
     * goes once the server runs again.
     */
    @Test
    void aShelvedServerComesBackOnAnotherHostWithItsFiles() {
        String id = boot("st-travels", first, servers.imageId("busybox:latest"));
        servers.awaitStatus(id, "ACTIVE");
        String engine = first.docker().idsWithLabel("windlass.server.uuid", id).getFirst();
        assertTrue(first.docker().run("exec", engine, "sh", "-c", "echo travelled > /marker").ok());

        assertEquals(202, servers.request().body(Map.of("shelve", Map.of())).post("/servers/" + id + "/action")
                .statusCode());
        servers.awaitStatus(id, "SHELVED_OFFLOADED");
        String image = given().baseUri(WindlassSystem.apiUrl()).header("X-Auth-Token", system.adminToken())
                .queryParam("name", "st-travels-shelved").get("/image/v2/images").jsonPath().getString("images[0].id");
        Poller.standard().until("the shelved image in the store", () -> given().baseUri(WindlassSystem.apiUrl())
                .header("X-Auth-Token", system.adminToken()).get("/image/v2/images/" + image).jsonPath()
                .getString("checksum"), checksum -> checksum != null);

        Response unshelve = new ServersApi(system::adminToken, "compute 2.91").request()
                .body(Map.of("unshelve", Map.of("host", second.name()))).post("/servers/" + id + "/action");
        assertEquals(202, unshelve.statusCode(), unshelve.asString());
        Map<String, Object> back = servers.awaitStatus(id, "ACTIVE");
        assertEquals(second.name(), back.get("OS-EXT-SRV-ATTR:host"));
        String again = second.docker().idsWithLabel("windlass.server.uuid", id).getFirst();
        assertEquals("travelled", second.docker().run("exec", again, "cat", "/marker").stdout().strip());
        Poller.standard().until("the first host's copy of the shelved image to go", () -> first.docker().run("image",
                "inspect", "windlass-image/" + image + ":latest").ok(), present -> !present);

        assertEquals(204, servers.request().delete("/servers/" + id).statusCode());
        Poller.standard().until("server gone from " + second.name(),
                () -> second.docker().idsWithLabel("windlass.server.uuid", id), List::isEmpty);
    }

    private static String boot(String name, EngineHost host, String imageId) {
        Response boot = servers.request().header("OpenStack-API-Version", "compute 2.74").body(Map.of("server", Map.of(
                "name", name, "flavorRef", "0", "imageRef", imageId, "networks", "auto", "host", host.name())))
                .post("/servers");
        assertEquals(202, boot.statusCode(), boot.asString());
        return boot.jsonPath().getString("server.id");
    }
}
