package io.windlass.system.fault;

import io.restassured.response.Response;
import io.windlass.system.ContainersApi;
import io.windlass.system.DockerCli;
import io.windlass.system.EngineHost;
import io.windlass.system.Poller;
import io.windlass.system.ServersApi;
import io.windlass.system.WindlassService;
import io.windlass.system.WindlassSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The fault suite's short version, run in CI: rounds of mixed container and server creates over two
 * hosts (the machine's engine and {@code wl-host-211}, a namespace with a dockerd of its own), each
 * with one fault in the middle: RabbitMQ stopped and started, the agent, the conductor or the
 * scheduler killed with SIGKILL and started again. After each round, every accepted create runs
 * (0 lost, 0 stuck), no workload has two engine containers, no engine container lacks its row, and
 * the claims are exactly what runs; every service log is free of ERROR lines. Each round prints its
 * counts and how long the system took to settle after the fault.
 */
class FaultRoundsST {
    private static final String COMPUTE = "compute 2.79";
    private static final int PER_ROUND = 12;

    @RegisterExtension
    static final WindlassSystem system = new WindlassSystem()
            .withProperty(WindlassService.CONDUCTOR, "windlass.conductor.reconcile-interval=2s")
            // a create whose end was lost with the broker is asked again after this, and then reported done
            .withProperty(WindlassService.CONDUCTOR, "windlass.conductor.redrive-after=10s")
            .withProperty(WindlassService.AGENT, "windlass.agent.sync-interval=5s");

    private static EngineHost other;

    private final ContainersApi containers = system.containers();
    private final ServersApi servers = new ServersApi(system::adminToken, COMPUTE);

    @BeforeAll
    static void aSecondHost() throws IOException {
        other = system.startEngineHost(211, 28793 + WindlassService.PORT_OFFSET);
    }

    @Test
    void brokerRestart() throws Exception {
        round("RabbitMQ stopped and started", () -> {
            rabbitmq("stop_app");
            rabbitmq("start_app");
        });
    }

    @Test
    void agentKilled() throws Exception {
        round("agent killed (SIGKILL) and started again", () -> system.killAndRestart(WindlassService.AGENT));
    }

    @Test
    void conductorKilled() throws Exception {
        round("conductor killed (SIGKILL) and started again", () -> system.killAndRestart(WindlassService.CONDUCTOR));
    }

    @Test
    void schedulerKilled() throws Exception {
        round("scheduler killed (SIGKILL) and started again", () -> system.killAndRestart(WindlassService.SCHEDULER));
    }

    /** A fault that may throw what setting it up throws. */
    interface Fault {
        void inject() throws Exception;
    }

    private void round(String fault, Fault inject) throws Exception {
        List<DockerCli> engines = List.of(system.docker(), other.docker());
        String image = servers.imageId("busybox:latest");
        Map<String, String> kindOf = new HashMap<>();
        create(kindOf, image, 0, PER_ROUND / 2);
        inject.inject();
        long recovered = System.nanoTime();
        create(kindOf, image, PER_ROUND / 2, PER_ROUND);

        Poller settle = new Poller(Duration.ofSeconds(120), Duration.ofMillis(500));
        for (var workload : kindOf.entrySet()) {
            if (workload.getValue().equals("server")) {
                servers.awaitStatus(workload.getKey(), "ACTIVE");
            } else {
                containers.awaitStatus(workload.getKey(), "Running", settle);
            }
        }
        long settledMs = (System.nanoTime() - recovered) / 1_000_000;

        int duplicates = 0;
        int missing = 0;
        for (var workload : kindOf.entrySet()) {
            String label = workload.getValue().equals("server") ? "windlass.server.uuid" : "windlass.uuid";
            int copies = engines.stream().mapToInt(e -> e.idsWithLabel(label, workload.getKey()).size()).sum();
            duplicates += Math.max(0, copies - 1);
            missing += copies == 0 ? 1 : 0;
        }
        // this run's project only: the machine's own engine may hold other runs' containers
        String project = containers.show(kindOf.entrySet().stream().filter(w -> w.getValue().equals("container"))
                .findFirst().orElseThrow().getKey()).jsonPath().getString("project_id");
        int orphans = 0;
        for (DockerCli engine : engines) {
            for (String uuid : engine.run("ps", "-a", "--filter", "label=windlass.managed=true", "--filter",
                    "label=windlass.project=" + project, "--format",
                    "{{.Label \"windlass.uuid\"}}{{.Label \"windlass.server.uuid\"}}").stdout().lines().toList()) {
                orphans += kindOf.containsKey(uuid) ? 0 : 1;
            }
        }
        long claims = claims();
        // reaching here means every accepted create runs: none lost, none stuck
        System.out.printf("fault round '%s': %d creates accepted, all running, %d without an engine container, "
                + "%d duplicated, %d orphaned, %d claims; settled %d ms after the fault%n", fault, kindOf.size(),
                missing, duplicates, orphans, claims, settledMs);
        assertEquals(0, missing, "workloads without their engine container");
        assertEquals(0, duplicates, "engine containers doubled");
        assertEquals(0, orphans, "engine containers without a row");
        assertEquals(kindOf.size(), claims, "one claim per running workload");

        for (var workload : kindOf.entrySet()) {
            if (workload.getValue().equals("server")) {
                assertEquals(204, servers.request().delete("/servers/" + workload.getKey()).statusCode());
            } else {
                assertEquals(204, containers.request().queryParam("stop", true)
                        .delete("/containers/" + workload.getKey()).statusCode());
            }
        }
        new Poller(Duration.ofSeconds(60), Duration.ofMillis(500)).until("every claim released", this::claims,
                n -> n == 0);
    }

    private long claims() {
        return ((Number) system.database().query("select count(*) as n from allocations").getFirst().get("n"))
                .longValue();
    }

    /** Workloads {@code from} to {@code to} (exclusive): two containers, then a server, and again. */
    private void create(Map<String, String> kindOf, String image, int from, int to) {
        for (int i = from; i < to; i++) {
            if (i % 3 == 2) {
                Response boot = servers.request().body(Map.of("server", Map.of("name", "st-fault-" + i,
                        "flavorRef", "0", "imageRef", image, "networks", "none"))).post("/servers");
                assertEquals(202, boot.statusCode(), boot.asString());
                kindOf.put(boot.jsonPath().getString("server.id"), "server");
            } else {
                Response created = containers.create(Map.of("name", "st-fault-" + i, "image", "busybox",
                        "command", List.of("sleep", "3600"), "memory", 16), true);
                assertEquals(202, created.statusCode(), created.asString());
                kindOf.put(ContainersApi.uuidOf(created), "container");
            }
        }
    }

    private static void rabbitmq(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("rabbitmqctl", command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("rabbitmqctl " + command + " failed: " + output);
        }
    }
}
