package io.windlass.system.server;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.windlass.system.DockerCli;
import io.windlass.system.LatencySummary;
import io.windlass.system.Poller;
import io.windlass.system.Samples;
import io.windlass.system.WindlassSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The server lifecycle's actions (issue 15), each end to end through the API until the server
 * settles, against the raw engine operation it stands for, measured alternately in one run: lock
 * (no engine operation: the API alone), suspend ({@code docker pause}), resume ({@code docker
 * unpause}), rescue ({@code docker pause} and {@code docker run} of the rescue system in the guest's
 * network namespace with its filesystem), unrescue ({@code docker rm -f} of it, {@code unpause},
 * {@code restart} with the agent's 10 s grace), resize and its revert ({@code docker update} of CPU and memory), createImage until the
 * image is active ({@code docker commit}), shelve until offloaded ({@code docker stop}, {@code commit},
 * {@code rm}), unshelve until active ({@code docker run} of the shelved image), rebuild ({@code docker rm -f} then {@code docker run}). Not part of {@code verify}; run it with
 * {@code deploy/local/bench-actions}. See docs/benchmarks.md.
 */
class ServerActionsBenchmark {
    private static final int ROUNDS = Integer.getInteger("windlass.bench.samples", 10);
    private static final String BENCH_LABEL = "windlass.benchmark";

    @RegisterExtension
    static final WindlassSystem system = new WindlassSystem();

    private final DockerCli docker = system.docker();
    private final String runLabel = UUID.randomUUID().toString().substring(0, 8);
    private final Poller poller = new Poller(Duration.ofSeconds(120), Duration.ofMillis(25));

    @Test
    void eachActionAgainstTheEngineOperationItStandsFor() throws Exception {
        String imageId = given().baseUri(WindlassSystem.apiUrl()).header("X-Auth-Token", system.adminToken())
                .queryParam("name", "busybox:latest").get("/image/v2/images").jsonPath().getString("images[0].id");
        String id = boot(imageId);
        // the raw container of the round: a rebuild replaces it
        String[] raw = {rawRun("busybox:latest")};
        Samples api = new Samples();
        Samples engine = new Samples();
        try {
            // round 0 is untimed: first-call costs (JIT, the engine's caches) stay out of the figures
            for (int round = 0; round <= ROUNDS; round++) {
                boolean timed = round > 0;
                api.time("lock", timed, () -> action(id, Map.of("lock", Map.of()), "ACTIVE"));
                api.time("unlock", timed, () -> action(id, Map.of("unlock", Map.of()), "ACTIVE"));
                api.time("suspend", timed, () -> action(id, Map.of("suspend", Map.of()), "SUSPENDED"));
                engine.time("suspend", timed, () -> docker.run("pause", raw[0]));
                api.time("resume", timed, () -> action(id, Map.of("resume", Map.of()), "ACTIVE"));
                engine.time("resume", timed, () -> docker.run("unpause", raw[0]));
                String[] rescue = {null};
                api.time("rescue", timed, () -> action(id, Map.of("rescue", Map.of()), "RESCUE"));
                engine.time("rescue", timed, () -> rescue[0] = rawRescue(raw[0]));
                api.time("unrescue", timed, () -> action(id, Map.of("unrescue", Map.of()), "ACTIVE"));
                engine.time("unrescue", timed, () -> {
                    docker.run("rm", "-f", rescue[0]);
                    docker.run("unpause", raw[0]);
                    return docker.run("restart", "-t", "10", raw[0]);
                });
                api.time("resize", timed, () -> action(id, Map.of("resize", Map.of("flavorRef", "1")),
                        "VERIFY_RESIZE"));
                engine.time("resize", timed, () -> docker.run("update", "--cpus", "1", "--memory", "128m",
                        "--memory-swap", "128m", raw[0]));
                api.time("revertResize", timed, () -> action(id, Map.of("revertResize", Map.of()), "ACTIVE"));
                engine.time("revertResize", timed, () -> docker.run("update", "--cpus", "1", "--memory", "64m",
                        "--memory-swap", "64m", raw[0]));
                String[] snapshot = {null};
                api.time("createImage", timed, () -> snapshot[0] = snapshot(id));
                engine.time("createImage", timed, () -> docker.run("commit", raw[0], "bench-" + runLabel + ":r"));
                images().delete("/images/" + snapshot[0]);
                api.time("shelve", timed, () -> action(id, Map.of("shelve", Map.of()), "SHELVED_OFFLOADED"));
                engine.time("shelve", timed, () -> {
                    docker.run("stop", raw[0]);
                    docker.run("commit", raw[0], "bench-" + runLabel + ":shelved");
                    return docker.run("rm", raw[0]);
                });
                api.time("unshelve", timed, () -> action(id, Map.of("unshelve", Map.of()), "ACTIVE"));
                engine.time("unshelve", timed, () -> raw[0] = rawRun("bench-" + runLabel + ":shelved"));
                api.time("rebuild", timed, () -> action(id, Map.of("rebuild", Map.of("imageRef", imageId)),
                        "ACTIVE"));
                engine.time("rebuild", timed, () -> {
                    docker.run("rm", "-f", raw[0]);
                    raw[0] = rawRun("busybox:latest");
                    return null;
                });
            }
        } finally {
            api().delete("/servers/" + id);
            docker.removeForcibly(docker.idsWithLabel(BENCH_LABEL, runLabel));
            docker.run("rmi", "bench-" + runLabel + ":r");
            docker.run("rmi", "bench-" + runLabel + ":shelved");
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%nServer actions, busybox, m1.nano (1 vCPU, 64 MiB), N=%d, API until the server settles "
                        + "against the raw engine operation%n%-14s %14s %14s %14s %14s %8s%n", ROUNDS, "action",
                "API median", "API p95", "raw median", "raw p95", "ratio"));
        api.byStep().forEach((action, times) -> {
            LatencySummary a = LatencySummary.of(times);
            List<Duration> rawTimes = engine.byStep().get(action);
            LatencySummary r = rawTimes == null ? null : LatencySummary.of(rawTimes);
            out.append(String.format(Locale.ROOT, "%-14s %11d ms %11d ms %14s %14s %8s%n", action,
                    a.median().toMillis(), a.p95().toMillis(), r == null ? "-" : r.median().toMillis() + " ms",
                    r == null ? "-" : r.p95().toMillis() + " ms", r == null ? "-" : String.format(Locale.ROOT,
                            "%.2f", (double) a.median().toNanos() / Math.max(1, r.median().toNanos()))));
        });
        System.out.print(out);
        Path file = Path.of("target", "benchmark-server-actions.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
    }

    /** Posts the action and waits until the server shows {@code status} with no task running. */
    private Void action(String id, Map<String, Object> body, String status) {
        Response posted = api().body(body).post("/servers/" + id + "/action");
        if (posted.statusCode() >= 300) {
            throw new AssertionError(body + ": " + posted.statusCode() + " " + posted.asString());
        }
        poller.until("server " + id + " " + status, () -> api().get("/servers/" + id).jsonPath().getMap("server"),
                s -> status.equals(s.get("status")) && s.get("OS-EXT-STS:task_state") == null);
        return null;
    }

    /** createImage (2.45+: the id in the body), until the image is active and the server's task is over. */
    private String snapshot(String id) {
        Response posted = api().body(Map.of("createImage", Map.of("name", "bench-" + runLabel)))
                .post("/servers/" + id + "/action");
        if (posted.statusCode() != 202) {
            throw new AssertionError("createImage: " + posted.statusCode() + " " + posted.asString());
        }
        String image = posted.jsonPath().getString("image_id");
        poller.until("image " + image + " active", () -> images().get("/images/" + image).jsonPath()
                .getString("status"), "active"::equals);
        poller.until("server " + id + " idle", () -> api().get("/servers/" + id).jsonPath().getMap("server"),
                s -> s.get("OS-EXT-STS:task_state") == null);
        return image;
    }

    private static RequestSpecification images() {
        return given().baseUri(WindlassSystem.apiUrl() + "/image/v2").header("X-Auth-Token", system.adminToken());
    }

    private String boot(String imageId) {
        Response created = api().body(Map.of("server", Map.of("name", "bench-actions-" + runLabel, "flavorRef", "0",
                "imageRef", imageId, "networks", "auto"))).post("/servers");
        assertEquals(202, created.statusCode(), created.asString());
        String id = created.jsonPath().getString("server.id");
        poller.until("server " + id + " active", () -> api().get("/servers/" + id).jsonPath().getString("server.status"),
                "ACTIVE"::equals);
        return id;
    }

    /** What the docker driver makes of a server (see DockerServerDriver.spawn), waited for until it runs. */
    private String rawRun(String image) {
        DockerCli.Result run = docker.run("run", "-d", "-i", "-t", "--init", "--label", BENCH_LABEL + "=" + runLabel,
                "--memory", "64m", "--memory-swap", "64m", "--cpus", "1", image);
        assertEquals(0, run.exitCode(), run.stdout());
        String id = run.stdout().lines().reduce((a, b) -> b).orElseThrow();
        poller.until("raw container " + id + " to run", () -> docker.inspect(id, "{{.State.Running}}").orElse(""),
                "true"::equals);
        return id;
    }

    /**
     * What the docker driver does for a rescue (DockerServerDriver.rescue): the guest frozen, a
     * rescue system in its network namespace with its filesystem bound, waited for until it runs.
     */
    private String rawRescue(String guest) {
        docker.run("pause", guest);
        String root = docker.inspect(guest, "{{.GraphDriver.Data.MergedDir}}").orElseThrow();
        DockerCli.Result run = docker.run("run", "-d", "-i", "-t", "--init", "--label", BENCH_LABEL + "=" + runLabel,
                "--memory", "64m", "--memory-swap", "64m", "--cpus", "1", "--network", "container:" + guest,
                "-v", root + ":/mnt/rescue", "busybox:latest");
        assertEquals(0, run.exitCode(), run.stdout());
        String id = run.stdout().lines().reduce((a, b) -> b).orElseThrow();
        poller.until("raw rescue " + id + " to run", () -> docker.inspect(id, "{{.State.Running}}").orElse(""),
                "true"::equals);
        return id;
    }

    private static RequestSpecification api() {
        return given().baseUri(WindlassSystem.apiUrl() + "/compute/v2.1")
                .header("X-Auth-Token", system.adminToken())
                .header("OpenStack-API-Version", "compute 2.95")
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
