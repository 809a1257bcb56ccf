package io.windlass.system.fault;

import io.restassured.response.Response;
import io.windlass.system.ContainersApi;
import io.windlass.system.DockerCli;
import io.windlass.system.EngineHost;
import io.windlass.system.Poller;
import io.windlass.system.ServersApi;
import io.windlass.system.WindlassService;
import io.windlass.system.WindlassSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * RabbitMQ goes away in the middle of a load of container and server creates over two hosts, and
 * comes back. Every create is still accepted, since the api-service records its casts in the
 * outbox. Within a reconcile period of the broker's return, every workload runs, none is lost or
 * stuck, none runs twice, no engine holds a container without a row, and the claims are exactly
 * what runs.
 */
class BrokerRestartST {
    private static final String COMPUTE = "compute 2.79";

    @RegisterExtension
    static final WindlassSystem system = new WindlassSystem()
            .withProperty(WindlassService.CONDUCTOR, "windlass.conductor.reconcile-interval=2s")
            .withProperty(WindlassService.AGENT, "windlass.agent.sync-interval=5s");

    private final ContainersApi containers = system.containers();
    private final ServersApi servers = new ServersApi(system::adminToken, COMPUTE);

    @Test
    void aBrokerRestartDuringCreatesLosesNothingAndDoublesNothing() throws Exception {
        EngineHost other = system.startEngineHost(211, 28793 + WindlassService.PORT_OFFSET);
        List<DockerCli> engines = List.of(system.docker(), other.docker());
        String image = servers.imageId("busybox:latest");
        Map<String, String> kindOf = new HashMap<>();

        create(kindOf, image, 0, 6);
        long outage = System.nanoTime();
        rabbitmq("stop_app");
        try {
            create(kindOf, image, 6, 12);
        } finally {
            rabbitmq("start_app");
        }
        System.out.printf("broker away for %d ms%n", (System.nanoTime() - outage) / 1_000_000);
        create(kindOf, image, 12, 16);

        long back = System.nanoTime();
        Poller settle = new Poller(Duration.ofSeconds(120), Duration.ofMillis(500));
        for (var workload : kindOf.entrySet()) {
            if (workload.getValue().equals("server")) {
                servers.awaitStatus(workload.getKey(), "ACTIVE");
            } else {
                containers.awaitStatus(workload.getKey(), "Running", settle);
            }
        }
        System.out.printf("all %d workloads running %d ms after the broker came back%n", kindOf.size(),
                (System.nanoTime() - back) / 1_000_000);

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
        long claims = system.database().query("select count(*) as n from allocations").getFirst().get("n") instanceof
                Number n ? n.longValue() : -1;
        System.out.printf("broker restart: %d workloads, %d lost, %d without an engine container, %d duplicated, "
                + "%d orphaned, %d claims%n", kindOf.size(), 0, missing, duplicates, orphans, claims);
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
        new Poller(Duration.ofSeconds(60), Duration.ofMillis(500)).until("every claim released",
                () -> system.database().query("select count(*) as n from allocations").getFirst().get("n"),
                n -> ((Number) n).longValue() == 0);
    }

    /** Workloads {@code from} to {@code to} (exclusive): two containers, then a server, and again. */
    private void create(Map<String, String> kindOf, String image, int from, int to) {
        for (int i = from; i < to; i++) {
            if (i % 3 == 2) {
                Response boot = servers.request().body(Map.of("server", Map.of("name", "st-broker-" + i,
                        "flavorRef", "0", "imageRef", image, "networks", "none"))).post("/servers");
                assertEquals(202, boot.statusCode(), boot.asString());
                kindOf.put(boot.jsonPath().getString("server.id"), "server");
            } else {
                Response created = containers.create(Map.of("name", "st-broker-" + i, "image", "busybox",
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
