package io.windlass.system.ops;

import io.restassured.response.Response;
import io.windlass.system.ContainersApi;
import io.windlass.system.DockerCli;
import io.windlass.system.Poller;
import io.windlass.system.WindlassSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Zun's non-interactive {@code execute} of {@code echo} and {@code logs?tail=100} through Windlass's
 * API (issue 16) against {@code docker exec} and {@code docker logs --tail 100} on the same engine
 * container, in interleaved rounds of one run so that the machine's load falls on both sides alike.
 * Both sides are what a user runs: an HTTP request to the API (token, policy, the row, an RPC call to
 * the agent that owns the host, its engine call) and a docker CLI process (which pays its own start).
 * Not part of {@code verify}; run it with {@code deploy/local/bench-exec}.
 */
class ExecLogsBenchmark {
    private static final int ROUNDS = Integer.getInteger("windlass.bench.samples", 60);
    private static final int LOG_LINES = 1000;

    @RegisterExtension
    static final WindlassSystem system = new WindlassSystem();

    private final ContainersApi api = system.containers();
    private final DockerCli docker = system.docker();

    @Test
    void execAndLogsThroughTheApiAgainstTheDockerCli() throws IOException {
        Response created = api.create(Map.of("name", "bench-exec", "image", "busybox", "cpu", 0.5, "memory", 64,
                "command", List.of("sh", "-c", "i=0; while [ $i -lt " + LOG_LINES + " ]; do echo line-$i; "
                        + "i=$((i+1)); done; sleep 3600")), true);
        assertEquals(202, created.statusCode(), created.asString());
        String uuid = created.jsonPath().getString("uuid");
        String engine = ContainersApi.engineName(uuid);
        Poller.standard().until("bench-exec running", () -> api.show(uuid).jsonPath().getString("status"),
                "Running"::equals);
        Poller.standard().until("its log written", () -> docker.run("logs", "--tail", "1", engine).stdout().strip(),
                ("line-" + (LOG_LINES - 1))::equals);

        Samples apiExec = new Samples();
        Samples dockerExec = new Samples();
        Samples apiLogs = new Samples();
        Samples dockerLogs = new Samples();
        for (int round = -5; round < ROUNDS; round++) {
            // the first rounds warm both sides up and are not counted
            boolean counted = round >= 0;
            apiExec.time(counted, () -> {
                Response r = api.request().queryParam("command", "echo hi").queryParam("run", "true")
                        .post("/containers/" + uuid + "/execute");
                return r.statusCode() == 200 && "hi\n".equals(r.jsonPath().getString("output"));
            });
            dockerExec.time(counted, () -> "hi".equals(docker.run("exec", engine, "echo", "hi").stdout().strip()));
            apiLogs.time(counted, () -> {
                Response r = api.request().queryParam("tail", "100").get("/containers/" + uuid + "/logs");
                return r.statusCode() == 200 && r.asString().split("\\\\n", -1).length == 101;
            });
            dockerLogs.time(counted, () -> docker.run("logs", "--tail", "100", engine).stdout().lines().count() == 100);
        }

        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "busybox container, %d interleaved rounds after 5 warm-up rounds; milliseconds%n", ROUNDS));
        out.append(String.format(Locale.ROOT, "%-28s %8s %8s   %-28s %8s %8s %7s%n", "through the API", "p50", "p95",
                "baseline", "p50", "p95", "p50 x"));
        row(out, "execute echo hi (run=true)", apiExec, "docker exec echo hi", dockerExec);
        row(out, "logs?tail=100", apiLogs, "docker logs --tail 100", dockerLogs);
        out.append("load average at the end: ").append(Files.readString(Path.of("/proc/loadavg")).strip())
                .append(System.lineSeparator());
        System.out.print(out);
        Files.writeString(Path.of("target/benchmark-exec-logs.txt"), out.toString());
        assertEquals(204, api.request().queryParam("force", "true").delete("/containers/" + uuid).statusCode());
    }

    private static void row(StringBuilder out, String name, Samples measured, String baselineName, Samples baseline) {
        out.append(String.format(Locale.ROOT, "%-28s %8.1f %8.1f   %-28s %8.1f %8.1f %7.2f%n", name,
                measured.percentile(50), measured.percentile(95), baselineName, baseline.percentile(50),
                baseline.percentile(95), measured.percentile(50) / baseline.percentile(50)));
    }

    private static final class Samples {
        private final List<Double> ms = new ArrayList<>();

        void time(boolean counted, Supplier<Boolean> call) {
            long start = System.nanoTime();
            boolean ok = call.get();
            double elapsed = (System.nanoTime() - start) / 1e6;
            assertTrue(ok, "a call gave a wrong answer");
            if (counted) {
                ms.add(elapsed);
            }
        }

        double percentile(int p) {
            List<Double> sorted = ms.stream().sorted().toList();
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        }
    }
}
