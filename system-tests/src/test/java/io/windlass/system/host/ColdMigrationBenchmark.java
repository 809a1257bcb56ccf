package io.windlass.system.host;

import io.restassured.response.Response;
import io.windlass.system.DockerCli;
import io.windlass.system.EngineHost;
import io.windlass.system.LatencySummary;
import io.windlass.system.Poller;
import io.windlass.system.Samples;
import io.windlass.system.ServersApi;
import io.windlass.system.WindlassService;
import io.windlass.system.WindlassSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Cold migration between two real engines against the raw engine operations it stands for, measured
 * alternately in one run. Windlass: {@code migrate} until the server shows VERIFY_RESIZE with no task
 * on the other host, then {@code confirmResize} until it is ACTIVE again; the server goes back and
 * forth between the run's usual host and {@code wl-host-225}. Raw: {@code docker stop} (the agent's
 * 10 s grace), {@code commit}, {@code save | load} into the other engine and {@code run} there until
 * it runs; the confirm's counterpart is {@code docker rm} of the stopped source and {@code rmi} of
 * the commit there. Not part of {@code verify}; run it with {@code deploy/local/bench-migration}.
 * See docs/benchmarks.md.
 */
class ColdMigrationBenchmark {
    private static final int ROUNDS = Integer.getInteger("windlass.bench.samples", 6);
    private static final String BENCH_LABEL = "windlass.benchmark";

    @RegisterExtension
    static final WindlassSystem system = new WindlassSystem();

    private final ServersApi servers = new ServersApi(system::adminToken, "compute 2.79");
    private final String runLabel = UUID.randomUUID().toString().substring(0, 8);
    private final Poller poller = new Poller(Duration.ofSeconds(180), Duration.ofMillis(25));

    @Test
    void migrateAndConfirmAgainstTheEngineOperationsTheyStandFor() throws Exception {
        EngineHost other = system.startEngineHost(225, 28798 + WindlassService.PORT_OFFSET, true);
        new Poller(Duration.ofSeconds(60), Duration.ofMillis(200)).until("both hosts up",
                () -> servers.request().get("/os-services").jsonPath()
                        .getList("services.findAll { it.state == 'up' && it.status == 'enabled' }.host"),
                hosts -> hosts.contains(other.name()) && hosts.contains(system.agentHost()));
        // [0] the engine the raw container is on, [1] the other
        DockerCli[] engines = {system.docker(), other.docker()};
        String[] sockets = {null, other.socket()};
        String id = boot();
        String[] raw = {rawRun(engines[0], "busybox:latest")};
        Samples api = new Samples();
        Samples engine = new Samples();
        try {
            // round 0 is untimed: first-call costs (JIT, the engines' caches) stay out of the figures
            for (int round = 0; round <= ROUNDS; round++) {
                boolean timed = round > 0;
                api.time("migrate", timed, () -> action(id, Map.of("migrate", Map.of()), "VERIFY_RESIZE"));
                api.time("confirm", timed, () -> action(id, Map.of("confirmResize", Map.of()), "ACTIVE"));
                int from = round % 2;
                int to = 1 - from;
                String image = "bench-" + runLabel + ":moved" + round;
                String source = raw[0];
                engine.time("migrate", timed, () -> {
                    engines[from].run("stop", "-t", "10", source);
                    engines[from].run("commit", source, image);
                    copy(sockets[from], sockets[to], image);
                    return raw[0] = rawRun(engines[to], image);
                });
                engine.time("confirm", timed, () -> {
                    engines[from].run("rm", source);
                    return engines[from].run("rmi", image);
                });
            }
        } finally {
            servers.request().delete("/servers/" + id);
            for (DockerCli e : engines) {
                e.removeForcibly(e.idsWithLabel(BENCH_LABEL, runLabel));
                e.run("images", "-q", "--filter", "reference=bench-" + runLabel).stdout().lines()
                        .filter(line -> !line.isBlank()).forEach(image -> e.run("rmi", "-f", image));
            }
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%nCold migration between two engines, busybox, m1.nano (1 vCPU, 64 MiB), N=%d, API until the "
                        + "server settles against the raw engine operations%n%-10s %14s %14s %14s %14s %8s%n", ROUNDS,
                "action", "API median", "API p95", "raw median", "raw p95", "ratio"));
        api.byStep().forEach((action, times) -> {
            LatencySummary a = LatencySummary.of(times);
            LatencySummary r = LatencySummary.of(engine.byStep().get(action));
            out.append(String.format(Locale.ROOT, "%-10s %11d ms %11d ms %11d ms %11d ms %8.2f%n", action,
                    a.median().toMillis(), a.p95().toMillis(), r.median().toMillis(), r.p95().toMillis(),
                    (double) a.median().toNanos() / Math.max(1, r.median().toNanos())));
        });
        System.out.print(out);
        Path file = Path.of("target", "benchmark-cold-migration.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
    }

    /** Posts the action and waits until the server shows {@code status} with no task running. */
    private Void action(String id, Map<String, Object> body, String status) {
        Response posted = servers.request().body(body).post("/servers/" + id + "/action");
        if (posted.statusCode() >= 300) {
            throw new AssertionError(body + ": " + posted.statusCode() + " " + posted.asString());
        }
        poller.until("server " + id + " " + status, () -> servers.request().get("/servers/" + id).jsonPath()
                .getMap("server"), s -> status.equals(s.get("status")) && s.get("OS-EXT-STS:task_state") == null);
        return null;
    }

    private String boot() {
        Response created = servers.request().body(Map.of("server", Map.of("name", "bench-migrate-" + runLabel,
                "flavorRef", "0", "imageRef", servers.imageId("busybox:latest"), "networks", "auto",
                "host", system.agentHost()))).post("/servers");
        assertEquals(202, created.statusCode(), created.asString());
        String id = created.jsonPath().getString("server.id");
        servers.awaitStatus(id, "ACTIVE");
        return id;
    }

    /** {@code docker save | docker load} from one engine into the other (null: the machine's own). */
    private static void copy(String from, String to, String image) {
        String command = docker(from) + " save " + image + " | " + docker(to) + " load";
        try {
            Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(command + ": " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException(command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(command, e);
        }
    }

    private static String docker(String socket) {
        return socket == null ? "docker" : "docker -H " + socket;
    }

    /** What the docker driver makes of a server (see DockerServerDriver.spawn), waited for until it runs. */
    private String rawRun(DockerCli engine, String image) {
        DockerCli.Result run = engine.run("run", "-d", "-i", "-t", "--init", "--label", BENCH_LABEL + "=" + runLabel,
                "--memory", "64m", "--memory-swap", "64m", "--cpus", "1", image);
        assertEquals(0, run.exitCode(), run.stdout());
        String id = run.stdout().lines().reduce((a, b) -> b).orElseThrow();
        poller.until("raw container " + id + " to run", () -> engine.inspect(id, "{{.State.Running}}").orElse(""),
                "true"::equals);
        return id;
    }
}
