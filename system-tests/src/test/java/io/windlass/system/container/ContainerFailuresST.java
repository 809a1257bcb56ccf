package io.windlass.system.container;

import io.restassured.response.Response;
import io.windlass.system.ContainersApi;
import io.windlass.system.DockerCli;
import io.windlass.system.Poller;
import io.windlass.system.WindlassSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the engine does on its own (failing, exiting, restarting) must show through the API. */
class ContainerFailuresST {

    @RegisterExtension
    static final WindlassSystem system = new WindlassSystem();

    private final ContainersApi api = system.containers();
    private final DockerCli docker = system.docker();

    @Test
    void missingImageEndsInErrorNamingTheImageWithNoEngineContainerLeft() {
        String image = "windlass-st-no-such-image";
        String uuid = created(api.create(Map.of("name", "st-noimage", "image", image,
                "command", List.of("sleep", "60")), true));

        // the agent may first try a pull (policy "always"), which has to time out with no registry reachable
        Map<String, Object> container = api.awaitStatus(uuid, "Error",
                new Poller(Duration.ofSeconds(120), Duration.ofMillis(200)));

        assertTrue(String.valueOf(container.get("status_reason")).contains(image), container.toString());
        assertEquals(List.of(), docker.namesContaining(ContainersApi.engineName(uuid)));
    }

    @Test
    void containerWhoseCommandExitsBecomesStoppedWithoutAnyAction() {
        String uuid = created(api.create(Map.of("name", "st-exits", "image", "busybox",
                "command", List.of("sh", "-c", "sleep 1")), true));

        api.awaitStatus(uuid, "Stopped");

        assertEquals("exited", docker.inspectExisting(ContainersApi.engineName(uuid), "{{.State.Status}}"));
        assertEquals("0", docker.inspectExisting(ContainersApi.engineName(uuid), "{{.State.ExitCode}}"));
    }

    @Test
    void onFailureRestartPolicyIsHonouredByTheEngineAndEndsStopped() {
        String uuid = created(api.create(Map.of("name", "st-restarts", "image", "busybox",
                "command", List.of("sh", "-c", "exit 3"),
                "restart_policy", Map.of("Name", "on-failure", "MaximumRetryCount", "2")), true));
        String engine = ContainersApi.engineName(uuid);

        // docker backs off 100 ms, 200 ms between restarts, then gives up with the last exit code
        // the engine container appears asynchronously, after scheduling
        Poller.standard().until("docker to give up after two restarts",
                () -> docker.inspect(engine, "{{.RestartCount}} {{.State.Status}} {{.State.ExitCode}}").orElse("absent"),
                "2 exited 3"::equals);
        Map<String, Object> container = api.awaitStatus(uuid, "Stopped");

        assertEquals("on-failure", ((Map<?, ?>) container.get("restart_policy")).get("Name"));
        assertEquals("2", String.valueOf(((Map<?, ?>) container.get("restart_policy")).get("MaximumRetryCount")));
    }

    private static String created(Response response) {
        assertEquals(202, response.statusCode(), response.asString());
        return ContainersApi.uuidOf(response);
    }
}
