package io.windlass.system.upgrade;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.windlass.system.ContainersApi;
import io.windlass.system.DockerCli;
import io.windlass.system.Poller;
import io.windlass.system.WindlassService;
import io.windlass.system.WindlassSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rolling upgrade half done, as docs/CONTRACTS.md describes it: the conductor runs this release
 * (compute RPC 1.3) with the compute API capped at 1.2, and the agent still serves the previous
 * release's compute API 1.2 (the one before servers). Containers (1.0 methods) and capsules
 * (1.2) are created, act and are deleted as before; a server, whose spawn_server the old agent
 * does not have, fails at once with the reason instead of being dropped on the way.
 */
class RollingUpgradeST {
    private static final String COMPUTE = "compute 2.79";

    @RegisterExtension
    static final WindlassSystem system = new WindlassSystem()
            .withProperty(WindlassService.AGENT, "windlass.rpc.served-version.compute=1.2")
            .withProperty(WindlassService.CONDUCTOR, "windlass.rpc.version-cap.compute=1.2");

    private final ContainersApi containers = system.containers();
    private final DockerCli docker = system.docker();

    @Test
    void containersAndCapsulesWorkOnTheOlderAgent() {
        Response created = containers.create(Map.of("name", "st-upgrade", "image", "busybox",
                "command", List.of("sleep", "3600"), "memory", 64), true);
        assertEquals(202, created.statusCode(), created.asString());
        String uuid = ContainersApi.uuidOf(created);
        containers.awaitStatus(uuid, "Running");
        assertEquals(202, containers.action(uuid, "stop").statusCode());
        containers.awaitStatus(uuid, "Stopped");
        assertEquals(202, containers.action(uuid, "start").statusCode());
        containers.awaitStatus(uuid, "Running");
        assertEquals(204, containers.request().queryParam("force", true).delete("/containers/" + uuid).statusCode());
        containers.awaitGone(uuid);
        assertEquals(List.of(), docker.idsWithLabel("windlass.uuid", uuid));

        Response capsule = containers.request().body(Map.of("template", Map.of("kind", "capsule",
                "metadata", Map.of("name", "st-upgrade-cap"),
                "spec", Map.of("containers", List.of(Map.of("image", "busybox",
                        "command", List.of("sleep", "3600"))))))).post("/capsules/");
        assertEquals(202, capsule.statusCode(), capsule.asString());
        String capsuleId = capsule.jsonPath().getString("uuid");
        Poller.standard().until("capsule Running", () -> containers.request().get("/capsules/" + capsuleId)
                .jsonPath().getString("status"), "Running"::equals);
        assertEquals(204, containers.request().delete("/capsules/" + capsuleId).statusCode());
        Poller.standard().until("capsule gone", () -> containers.request().get("/capsules/" + capsuleId)
                .statusCode(), s -> s == 404);
    }

    @Test
    void aServerTheOlderAgentCannotSpawnFailsWithTheReason() {
        Response boot = compute().body(Map.of("server", Map.of("name", "st-upgrade-vm", "flavorRef", "0",
                "imageRef", imageId(), "networks", "none"))).post("/servers");
        assertEquals(202, boot.statusCode(), boot.asString());
        String id = boot.jsonPath().getString("server.id");

        Map<String, Object> failed = new Poller(Duration.ofSeconds(30), Duration.ofMillis(200)).until(
                "server " + id + " ERROR", () -> compute().get("/servers/" + id).jsonPath().getMap("server"),
                s -> s != null && "ERROR".equals(s.get("status")));
        String message = String.valueOf(((Map<?, ?>) failed.get("fault")).get("message"));
        assertTrue(message.contains("spawn_server needs compute RPC 1.3")
                && message.contains("capped at 1.2"), message);
        assertEquals(List.of(), docker.idsWithLabel("windlass.server.uuid", id), "nothing was made on the host");

        assertEquals(204, compute().delete("/servers/" + id).statusCode());
        Poller.standard().until("server deleted", () -> compute().get("/servers/" + id).statusCode(), s -> s == 404);
    }

    private static String imageId() {
        return given().baseUri(WindlassSystem.apiUrl()).header("X-Auth-Token", system.adminToken())
                .queryParam("name", "busybox:latest").get("/image/v2/images").jsonPath().getString("images[0].id");
    }

    private static RequestSpecification compute() {
        return given().baseUri(WindlassSystem.apiUrl() + "/compute/v2.1")
                .header("X-Auth-Token", system.adminToken()).header("OpenStack-API-Version", COMPUTE)
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
