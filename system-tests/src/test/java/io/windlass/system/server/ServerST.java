package io.windlass.system.server;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.windlass.system.DockerCli;
import io.windlass.system.Poller;
import io.windlass.system.WindlassSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
        String imageId = imageId("busybox:latest");
        String userData = "#!/bin/sh\necho hello from user data\n";
        Response boot = api().body(Map.of("server", Map.of(
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

        Map<String, Object> active = awaitStatus(id, "ACTIVE");
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
        awaitStatus(id, "SHUTOFF");
        assertEquals("false", docker.inspectExisting(engine, "{{.State.Running}}"));
        act(id, "{\"os-start\": null}");
        awaitStatus(id, "ACTIVE");
        String startedBefore = docker.inspectExisting(engine, "{{.State.StartedAt}}");
        act(id, "{\"reboot\": {\"type\": \"SOFT\"}}");
        Poller.standard().until("rebooted", () -> docker.inspectExisting(engine, "{{.State.StartedAt}}"),
                started -> !started.equals(startedBefore));
        awaitStatus(id, "ACTIVE");
        act(id, "{\"pause\": null}");
        awaitStatus(id, "PAUSED");
        assertEquals("true", docker.inspectExisting(engine, "{{.State.Paused}}"));
        act(id, "{\"unpause\": null}");
        awaitStatus(id, "ACTIVE");

        Response renamed = api().body(Map.of("server", Map.of("name", "st-web-renamed"))).put("/servers/" + id);
        assertEquals(200, renamed.statusCode(), renamed.asString());
        assertEquals("st-web-renamed", renamed.jsonPath().getString("server.name"));

        assertEquals(204, api().delete("/servers/" + id).statusCode());
        Poller.standard().until("server deleted", () -> api().get("/servers/" + id).statusCode(), s -> s == 404);
        Poller.standard().until("engine container removed", () -> docker.idsWithLabel("windlass.server.uuid", id),
                List::isEmpty);
    }

    @Test
    void listsFilterAndPageAndAnotherProjectsServerIsNotFound() {
        String imageId = imageId("busybox:latest");
        List<String> ids = new ArrayList<>();
        for (String name : List.of("st-list-a", "st-list-b", "st-other-c")) {
            Response boot = api().body(Map.of("server", Map.of("name", name, "flavorRef", "0", "imageRef", imageId,
                    "networks", "none"))).post("/servers");
            assertEquals(202, boot.statusCode(), boot.asString());
            ids.add(boot.jsonPath().getString("server.id"));
        }
        created.addAll(ids);
        for (String id : ids) {
            awaitStatus(id, "ACTIVE");
        }
        assertEquals(List.of("st-list-a", "st-list-b"), api().queryParam("name", "^st-list-")
                .queryParam("sort_key", "display_name").queryParam("sort_dir", "asc")
                .get("/servers/detail").jsonPath().getList("servers.name"));
        Response page = api().queryParam("limit", 2).queryParam("status", "ACTIVE").queryParam("flavor", "0")
                .get("/servers");
        assertEquals(2, page.jsonPath().getList("servers").size());
        String next = page.jsonPath().getString("servers_links[0].href");
        Response rest = given().baseUri(next.substring(0, next.indexOf("/compute")))
                .header("X-Auth-Token", system.adminToken()).header("OpenStack-API-Version", VERSION)
                .get(next.substring(next.indexOf("/compute")));
        assertTrue(rest.jsonPath().getList("servers.id").stream().noneMatch(page.jsonPath().getList("servers.id")::contains));
        assertEquals(3, page.jsonPath().getList("servers").size() + rest.jsonPath().getList("servers").size(),
                "three ACTIVE m1.nano servers over two pages");
        assertEquals(Map.of(), api().get("/servers/" + ids.getFirst()).jsonPath().getMap("server.addresses"),
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
            assertEquals(204, api().delete("/servers/" + id).statusCode());
        }
        for (String id : ids) {
            Poller.standard().until("server deleted", () -> api().get("/servers/" + id).statusCode(), s -> s == 404);
        }
    }

    private static String imageId(String name) {
        Response images = given().baseUri(WindlassSystem.apiUrl()).header("X-Auth-Token", system.adminToken())
                .queryParam("name", name).get("/image/v2/images");
        assertEquals(200, images.statusCode(), images.asString());
        return images.jsonPath().getString("images[0].id");
    }

    private String engineContainer(String id) {
        List<String> ids = docker.idsWithLabel("windlass.server.uuid", id);
        assertEquals(1, ids.size(), "one engine container for server " + id + ": " + ids);
        return ids.getFirst();
    }

    /** {@code action} is the request body, e.g. {@code {"os-stop": null}}. */
    private static void act(String id, String action) {
        Response r = api().body(action).post("/servers/" + id + "/action");
        assertEquals(202, r.statusCode(), action + ": " + r.asString());
    }

    private static Map<String, Object> awaitStatus(String id, String status) {
        return new Poller(Duration.ofSeconds(60), Duration.ofMillis(200)).until("server " + id + " " + status, () -> {
            Map<String, Object> server = api().get("/servers/" + id).jsonPath().getMap("server");
            if (server != null && "ERROR".equals(server.get("status")) && !"ERROR".equals(status)) {
                throw new AssertionError("server " + id + " went to ERROR: " + server.get("fault"));
            }
            return server;
        }, server -> server != null && status.equals(server.get("status")) && server.get("OS-EXT-STS:task_state") == null);
    }

    private static RequestSpecification api() {
        return given().baseUri(WindlassSystem.apiUrl() + "/compute/v2.1")
                .header("X-Auth-Token", system.adminToken())
                .header("OpenStack-API-Version", VERSION)
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
