package io.windlass.system.container;

import io.restassured.response.Response;
import io.windlass.system.ContainersApi;
import io.windlass.system.DockerCli;
import io.windlass.system.Poller;
import io.windlass.system.WindlassSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The acceptance scenario of the containers API: one container walked through its whole life
 * through the public API, with every step checked on the engine itself.
 */
class ContainerLifecycleST {
    private static final long MIB = 1024 * 1024;

    @RegisterExtension
    static final WindlassSystem system = new WindlassSystem();

    private final ContainersApi api = system.containers();
    private final DockerCli docker = system.docker();

    @Test
    void containerLivesThroughEveryActionAndLeavesNothingBehind() {
        Response created = api.create(Map.of(
                "name", "st-c1",
                "image", "busybox",
                "command", List.of("sleep", "3600"),
                "cpu", 0.5,
                "memory", 64,
                "labels", Map.of("tier", "st")), true);
        assertEquals(202, created.statusCode(), created.asString());
        String uuid = ContainersApi.uuidOf(created);
        assertTrue(created.header("Location").endsWith("/containers/" + uuid), created.header("Location"));
        String engine = ContainersApi.engineName(uuid);

        api.awaitStatus(uuid, "Running");
        assertEquals(Long.toString(64 * MIB), docker.inspectExisting(engine, "{{.HostConfig.Memory}}"));
        assertEquals("500000000", docker.inspectExisting(engine, "{{.HostConfig.NanoCpus}}"));
        assertEquals("st", docker.inspectExisting(engine, "{{index .Config.Labels \"tier\"}}"));

        accepted(api.action(uuid, "stop"));
        api.awaitStatus(uuid, "Stopped");
        assertEquals("false", docker.inspectExisting(engine, "{{.State.Running}}"));

        accepted(api.action(uuid, "start"));
        api.awaitStatus(uuid, "Running");
        assertEquals("true", docker.inspectExisting(engine, "{{.State.Running}}"));

        accepted(api.action(uuid, "pause"));
        api.awaitStatus(uuid, "Paused");
        assertEquals("true", docker.inspectExisting(engine, "{{.State.Paused}}"));

        accepted(api.action(uuid, "unpause"));
        api.awaitStatus(uuid, "Running");
        assertEquals("false", docker.inspectExisting(engine, "{{.State.Paused}}"));

        String startedBefore = docker.inspectExisting(engine, "{{.State.StartedAt}}");
        accepted(api.action(uuid, "reboot"));
        api.awaitStatus(uuid, "Running");
        String startedAfter = Poller.standard().until("the engine container to be restarted",
                () -> docker.inspectExisting(engine, "{{.State.StartedAt}}"), s -> !s.equals(startedBefore));
        assertNotEquals(startedBefore, startedAfter);
        assertEquals("true", docker.inspectExisting(engine, "{{.State.Running}}"));

        Response renamed = api.patch(uuid, Map.of("name", "st-c1-renamed"));
        assertEquals(200, renamed.statusCode(), renamed.asString());
        assertEquals("st-c1-renamed", renamed.jsonPath().getString("name"));
        Response byNewName = api.show("st-c1-renamed");
        assertEquals(200, byNewName.statusCode(), byNewName.asString());
        assertEquals(uuid, byNewName.jsonPath().getString("uuid"));

        Response updated = api.patch(uuid, Map.of("memory", "128", "cpu", "1"));
        assertEquals(200, updated.statusCode(), updated.asString());
        assertEquals("128", updated.jsonPath().getString("memory"));
        assertEquals(1.0, updated.jsonPath().getDouble("cpu"));
        assertEquals(Long.toString(128 * MIB), docker.inspectExisting(engine, "{{.HostConfig.Memory}}"));
        assertEquals("1000000000", docker.inspectExisting(engine, "{{.HostConfig.NanoCpus}}"));
        assertEquals("true", docker.inspectExisting(engine, "{{.State.Running}}"));

        Response stats = api.stats(uuid);
        assertEquals(200, stats.statusCode(), stats.asString());
        Map<String, Object> figures = stats.jsonPath().getMap("");
        assertTrue(figures.keySet().containsAll(List.of("CONTAINER", "CPU %", "MEM USAGE(MiB)", "MEM LIMIT(MiB)",
                "MEM %", "BLOCK I/O(B)", "NET I/O(B)")), figures.toString());
        assertEquals(128.0, ((Number) figures.get("MEM LIMIT(MiB)")).doubleValue(), 1.0, figures.toString());

        Response refused = api.delete(uuid);
        assertEquals(409, refused.statusCode(), "deleting a running container without force: " + refused.asString());
        assertEquals("Running", api.find(uuid).orElseThrow().get("status"));

        accepted(api.action(uuid, "stop"));
        api.awaitStatus(uuid, "Stopped");
        Response deleted = api.delete(uuid);
        assertEquals(204, deleted.statusCode(), deleted.asString());
        api.awaitGone(uuid);
        assertFalse(api.list().stream().anyMatch(c -> uuid.equals(c.get("uuid"))), "still listed after delete");
        assertEquals(List.of(), docker.namesContaining(engine), "engine container left after delete");
    }

    private static void accepted(Response response) {
        assertEquals(202, response.statusCode(), response.asString());
    }
}
