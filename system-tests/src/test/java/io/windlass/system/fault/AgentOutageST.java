package io.windlass.system.fault;

import io.restassured.response.Response;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A compute agent goes away and comes back: its host stops getting work and its containers
 * become Unknown while it is silent; when it returns, its start-up sync puts the database right
 * again, including what changed in the engine meanwhile. Nothing is lost, nothing is stuck.
 */
class AgentOutageST {
    private static final String DOWN_TIME = "windlass.service-down-time=8s";

    @RegisterExtension
    static final WindlassSystem system = new WindlassSystem()
            .withProperty(WindlassService.CONDUCTOR, DOWN_TIME)
            .withProperty(WindlassService.CONDUCTOR, "windlass.conductor.reconcile-interval=2s")
            .withProperty(WindlassService.SCHEDULER, DOWN_TIME)
            .withProperty(WindlassService.API, DOWN_TIME);

    private final ContainersApi api = system.containers();
    private final DockerCli docker = system.docker();
    private final Poller poller = new Poller(Duration.ofSeconds(90), Duration.ofMillis(250));

    @Test
    void silentHostGetsNoWorkAndItsContainersAreReconciledWhenItReturns() throws Exception {
        String survivor = ContainersApi.uuidOf(created(api.create(Map.of("name", "st-outage",
                "image", "busybox", "command", List.of("sleep", "3600"), "memory", 16), true)));
        api.awaitStatus(survivor, "Running", poller);

        system.stop(WindlassService.AGENT);
        api.awaitStatus(survivor, "Unknown", poller);
        assertEquals("true", docker.inspectExisting(ContainersApi.engineName(survivor), "{{.State.Running}}"),
                "the engine container lives on while its agent is away");

        String orphan = ContainersApi.uuidOf(created(api.create(Map.of("name", "st-no-host",
                "image", "busybox", "command", List.of("sleep", "3600"), "memory", 16), true)));
        Map<String, Object> refused = api.awaitStatus(orphan, "Error", poller);
        assertTrue(String.valueOf(refused.get("status_reason")).startsWith("There are not enough hosts available."),
                String.valueOf(refused.get("status_reason")));

        // the engine changes while nobody watches it
        assertEquals(0, docker.run("stop", "-t", "1", ContainersApi.engineName(survivor)).exitCode());
        system.restart(WindlassService.AGENT);
        Map<String, Object> reconciled = api.awaitStatus(survivor, "Stopped", poller);
        assertEquals(null, reconciled.get("task_state"));

        assertEquals(204, api.delete(survivor).statusCode());
        assertEquals(204, api.delete(orphan).statusCode());
        api.awaitGone(survivor);
        api.awaitGone(orphan);
        assertEquals(List.of(), docker.namesContaining(survivor), "engine container left after delete");
    }

    private static Response created(Response response) {
        assertEquals(202, response.statusCode(), response.asString());
        return response;
    }
}
