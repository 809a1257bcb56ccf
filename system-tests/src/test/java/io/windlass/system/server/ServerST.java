package io.windlass.system.server;

import io.restassured.response.Response;
import io.windlass.system.DockerCli;
import io.windlass.system.Poller;
import io.windlass.system.ServersApi;
import io.windlass.system.WindlassSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The servers acceptance scenario (issue 5): boot from a local image with a flavor, check in
 * Docker what the server got (limits, hostname, labels, config drive), drive it through its
 * power actions, rename it, list it with filters and pages, and delete it without a trace.
 */
class ServerST {
    private static final String VERSION = "compute 2.79";

    @RegisterExtension
    static final WindlassSystem system = new WindlassSystem();

    private static final ServersApi servers = new ServersApi(system::adminToken, VERSION);

    private final DockerCli docker = system.docker();
    private final List<String> created = new ArrayList<>();

    @AfterEach
    void removeLeftovers() {
        for (String uuid : created) {
            docker.removeForcibly(docker.idsWithLabel("windlass.server.uuid", uuid));
        }
    }

    @Test
    void aServerBootsWithItsFlavorAndConfigDriveAndObeysItsPowerActions() {
        String imageId = servers.imageId("busybox:latest");
        String userData = "#!/bin/sh\necho hello from user data\n";
        Response boot = servers.request().body(Map.of("server", Map.of(
                "name", "st-web",
                "flavorRef", "1",
                "imageRef", imageId,
                "networks", "auto",
                "metadata", Map.of("role", "frontend"),
                "user_data", Base64.getEncoder().encodeToString(userData.getBytes(StandardCharsets.UTF_8)))))
                .post("/servers");
        assertEquals(202, boot.statusCode(), boot.asString());
        String id = boot.jsonPath().getString("server.id");
        created.add(id);
        assertTrue(boot.header("Location").endsWith("/compute/v2.1/servers/" + id), boot.header("Location"));

        Map<String, Object> active = servers.awaitStatus(id, "ACTIVE");
        assertEquals(1, active.get("OS-EXT-STS:power_state"));
        assertEquals(system.agentHost(), active.get("OS-EXT-SRV-ATTR:host"));
        assertEquals("nova", active.get("OS-EXT-AZ:availability_zone"));
        assertTrue(((Map<?, ?>) active.get("addresses")).size() >= 1, "an address on the engine network: " + active);

        String engine = engineContainer(id);
        assertEquals("1000000000", docker.inspectExisting(engine, "{{.HostConfig.NanoCpus}}"), "m1.tiny: 1 vCPU");
        assertEquals(String.valueOf(128L * 1024 * 1024), docker.inspectExisting(engine, "{{.HostConfig.Memory}}"),
                "m1.tiny: 128 MiB");
        assertEquals("st-web", docker.inspectExisting(engine, "{{.Config.Hostname}}"));
        assertTrue(docker.inspectExisting(engine, "{{json .Config.Labels}}").contains("frontend"),
                "metadata as labels");
        String metaData = docker.run("exec", engine, "cat", "/mnt/config/openstack/latest/meta_data.json").stdout();
        assertTrue(metaData.contains("\"uuid\"") && metaData.contains(id), metaData);
        assertTrue(metaData.contains("\"role\"") && metaData.contains("frontend"), metaData);
        assertTrue(metaData.contains("\"hostname\""), metaData);
        // DockerCli trims what it captures
        assertEquals(userData.strip(),
                docker.run("exec", engine, "cat", "/mnt/config/openstack/latest/user_data").stdout().strip());
        assertTrue(docker.run("exec", engine, "touch", "/mnt/config/x").exitCode() != 0, "the config drive is read-only");

        act(id, "{\"os-stop\": null}");
        servers.awaitStatus(id, "SHUTOFF");
        assertEquals("false", docker.inspectExisting(engine, "{{.State.Running}}"));
        act(id, "{\"os-start\": null}");
        servers.awaitStatus(id, "ACTIVE");
        String startedBefore = docker.inspectExisting(engine, "{{.State.StartedAt}}");
        act(id, "{\"reboot\": {\"type\": \"SOFT\"}}");
        Poller.standard().until("rebooted", () -> docker.inspectExisting(engine, "{{.State.StartedAt}}"),
                started -> !started.equals(startedBefore));
        servers.awaitStatus(id, "ACTIVE");
        act(id, "{\"pause\": null}");
        servers.awaitStatus(id, "PAUSED");
        assertEquals("true", docker.inspectExisting(engine, "{{.State.Paused}}"));
        act(id, "{\"unpause\": null}");
        servers.awaitStatus(id, "ACTIVE");

        Response renamed = servers.request().body(Map.of("server", Map.of("name", "st-web-renamed"))).put("/servers/" + id);
        assertEquals(200, renamed.statusCode(), renamed.asString());
        assertEquals("st-web-renamed", renamed.jsonPath().getString("server.name"));

        assertEquals(204, servers.request().delete("/servers/" + id).statusCode());
        Poller.standard().until("server deleted", () -> servers.request().get("/servers/" + id).statusCode(), s -> s == 404);
        Poller.standard().until("engine container removed", () -> docker.idsWithLabel("windlass.server.uuid", id),
                List::isEmpty);
    }

    @Test
    void listsFilterAndPageAndAnotherProjectsServerIsNotFound() {
        String imageId = servers.imageId("busybox:latest");
        List<String> ids = new ArrayList<>();
        for (String name : List.of("st-list-a", "st-list-b", "st-other-c")) {
            Response boot = servers.request().body(Map.of("server", Map.of("name", name, "flavorRef", "0", "imageRef", imageId,
                    "networks", "none"))).post("/servers");
            assertEquals(202, boot.statusCode(), boot.asString());
            ids.add(boot.jsonPath().getString("server.id"));
        }
        created.addAll(ids);
        for (String id : ids) {
            servers.awaitStatus(id, "ACTIVE");
        }
        assertEquals(List.of("st-list-a", "st-list-b"), servers.request().queryParam("name", "^st-list-")
                .queryParam("sort_key", "display_name").queryParam("sort_dir", "asc")
                .get("/servers/detail").jsonPath().getList("servers.name"));
        Response page = servers.request().queryParam("limit", 2).queryParam("status", "ACTIVE").queryParam("flavor", "0")
                .get("/servers");
        assertEquals(2, page.jsonPath().getList("servers").size());
        String next = page.jsonPath().getString("servers_links[0].href");
        Response rest = given().baseUri(next.substring(0, next.indexOf("/compute")))
                .header("X-Auth-Token", system.adminToken()).header("OpenStack-API-Version", VERSION)
                .get(next.substring(next.indexOf("/compute")));
        assertTrue(rest.jsonPath().getList("servers.id").stream().noneMatch(page.jsonPath().getList("servers.id")::contains));
        assertEquals(3, page.jsonPath().getList("servers").size() + rest.jsonPath().getList("servers").size(),
                "three ACTIVE m1.nano servers over two pages");
        assertEquals(Map.of(), servers.request().get("/servers/" + ids.getFirst()).jsonPath().getMap("server.addresses"),
                "networks none: no address");

        String other = system.identity().issueToken(system.identity().onboard(system.adminToken(),
                "st-servers-other", "st-servers-user", "member"));
        Response hidden = given().baseUri(WindlassSystem.apiUrl() + "/compute/v2.1").header("X-Auth-Token", other)
                .header("OpenStack-API-Version", VERSION).get("/servers/" + ids.getFirst());
        assertEquals(404, hidden.statusCode(), hidden.asString());
        assertEquals(404, hidden.jsonPath().getInt("itemNotFound.code"));
        assertEquals(List.of(), given().baseUri(WindlassSystem.apiUrl() + "/compute/v2.1").header("X-Auth-Token", other)
                .header("OpenStack-API-Version", VERSION).get("/servers").jsonPath().getList("servers"));

        for (String id : ids) {
            assertEquals(204, servers.request().delete("/servers/" + id).statusCode());
        }
        for (String id : ids) {
            Poller.standard().until("server deleted", () -> servers.request().get("/servers/" + id).statusCode(), s -> s == 404);
        }
    }

    private String engineContainer(String id) {
        List<String> ids = docker.idsWithLabel("windlass.server.uuid", id);
        assertEquals(1, ids.size(), "one engine container for server " + id + ": " + ids);
        return ids.getFirst();
    }

    /** {@code action} is the request body, e.g. {@code {"os-stop": null}}. */
    private static void act(String id, String action) {
        Response r = servers.request().body(action).post("/servers/" + id + "/action");
        assertEquals(202, r.statusCode(), action + ": " + r.asString());
    }
}
