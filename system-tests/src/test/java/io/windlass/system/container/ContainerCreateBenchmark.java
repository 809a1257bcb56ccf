package io.windlass.system.container;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.system.LatencySummary;
import io.restassured.response.Response;
import io.windlass.system.AllAtOnce;
import io.windlass.system.ContainersApi;
import io.windlass.system.DockerCli;
import io.windlass.system.EngineApi;
import io.windlass.system.FinalStatusWatch;
import io.windlass.system.ListWatch;
import io.windlass.system.PlainJsonClient;
import io.windlass.system.Poller;
import io.windlass.system.StreamWatch;
import io.windlass.system.WindlassSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Create-to-Running latency through the Windlass API against a raw {@code docker run -d} of the
 * same image, command and limits, sequentially and with concurrent requests. Not part of
 * {@code verify} (see the surefire excludes); run it with {@code deploy/local/bench}.
 * Documented in docs/benchmarks.md.
 */
class ContainerCreateBenchmark {
    private static final int SAMPLES = Integer.getInteger("windlass.bench.samples", 20);
    private static final List<String> COMMAND = List.of("sleep", "3600");
    private static final double CPU = 0.1;
    private static final int MEMORY_MIB = 16;
    /** Short enough not to blur sub-second latencies, long enough not to load the services. */
    private static final Duration POLL = Duration.ofMillis(25);
    private static final String BENCH_LABEL = "windlass.benchmark";
    private static final Set<String> FINALS = Set.of("Running", "Error");

    @RegisterExtension
    static final WindlassSystem system = new WindlassSystem();

    private final ContainersApi api = system.containers();
    private final DockerCli docker = system.docker();
    private final EngineApi engine = new EngineApi();
    private final String runLabel = UUID.randomUUID().toString().substring(0, 8);
    private final Poller poller = new Poller(Duration.ofSeconds(120), POLL);
    /** Every timed request (the creates' POSTs, the polled GETs) goes through it; RestAssured does the rest. */
    private final PlainJsonClient client = new PlainJsonClient(headers());
    /** The containers this run created, created by several threads at once in the concurrent modes. */
    private final Set<String> created = ConcurrentHashMap.newKeySet();

    @Test
    void createToRunningThroughTheApiAgainstRawDocker() throws Exception {
        try {
            // one untimed round each, so neither side pays first-call costs (JIT, image layers) in the figures
            apiCreateToRunning(0);
            rawRunToRunning(0);
            removeAll();

            System.out.print(header());
            // told by the Watch API's stream first, so that the polling client gets the warmer services
            LatencySummary apiSequentialStream;
            try (FinalStatusWatch stream = stream()) {
                apiSequentialStream = LatencySummary.of(sequential(i -> apiCreateToRunning(SAMPLES * 3 + i, stream)));
            }
            removeAll();
            LatencySummary apiSequential = LatencySummary.of(sequential(this::apiCreateToRunning));
            removeAll();
            LatencySummary rawSequential = LatencySummary.of(sequential(this::rawRunToRunning));
            removeAll();
            // the raw side's figures include two runs of the docker CLI (run, inspect); the engine's
            // own create and start show what Windlass adds to the engine's work
            LatencySummary engineSequential = LatencySummary.of(sequential(this::engineRunToRunning));
            removeAll();
            String sequentialRow = row("sequential", apiSequential, rawSequential)
                    + row("sequential, stream", apiSequentialStream, rawSequential)
                    + row("stream vs engine API", apiSequentialStream, engineSequential);
            // printed at once, so that the figures survive a failure of the concurrent phase
            System.out.print(sequentialRow);
            LatencySummary apiConcurrent = LatencySummary.of(concurrent(this::apiCreateToRunning));
            removeAll();
            LatencySummary rawConcurrent = LatencySummary.of(concurrent(this::rawRunToRunning));
            removeAll();
            // the stream before the listing, so that the listing gets the warmer services
            LatencySummary apiStreamed;
            try (FinalStatusWatch stream = stream()) {
                apiStreamed = LatencySummary.of(concurrentWatched(stream, 4 * SAMPLES));
            }
            removeAll();
            LatencySummary apiWatched;
            try (FinalStatusWatch listing = new ListWatch(URI.create(api.baseUri() + "/containers"), headers(),
                    "containers", "uuid", FINALS, POLL)) {
                apiWatched = LatencySummary.of(concurrentWatched(listing, 2 * SAMPLES));
            }
            String concurrentRow = row("concurrent", apiConcurrent, rawConcurrent)
                    + row("concurrent, one watcher", apiWatched, rawConcurrent)
                    + row("concurrent, one stream", apiStreamed, rawConcurrent);
            System.out.print(concurrentRow);

            String services = String.format(Locale.ROOT,
                    "%nServices after start (startup from their log, RSS from /proc):%n") + system.startupReport();
            System.out.print(services);
            Path out = Path.of("target", "benchmark.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, header() + sequentialRow + concurrentRow + services);
        } finally {
            removeAll();
        }
    }

    /** Seconds from POST to the API reporting Running. */
    private Duration apiCreateToRunning(int i) {
        long start = System.nanoTime();
        String uuid = create(i);
        JsonNode container = poller.until("container " + uuid + " to run or fail",
                () -> client.get(containers("/" + uuid), 200), c -> FINALS.contains(c.path("status").asText()));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (!"Running".equals(container.path("status").asText())) {
            throw new AssertionError("container " + uuid + " failed after " + elapsed.toMillis() + " ms: "
                    + container.path("status_reason").asText());
        }
        return elapsed;
    }

    /** From POST to the watch stream's event that shows it Running. */
    private Duration apiCreateToRunning(int i, FinalStatusWatch stream) throws InterruptedException {
        long start = System.nanoTime();
        String uuid = create(i);
        return stream.latencies(Map.of(uuid, start), "Running", Duration.ofSeconds(120)).getFirst();
    }

    /** {@code POST /containers?run=true}: the new container's uuid, remembered for {@link #removeAll}. */
    private String create(int i) {
        String uuid = client.post(containers("?run=true"), Map.of("name", "bench-" + runLabel + "-" + i,
                "image", "busybox", "command", COMMAND, "cpu", CPU, "memory", MEMORY_MIB), 202).path("uuid").asText();
        created.add(uuid);
        return uuid;
    }

    private URI containers(String rest) {
        return URI.create(api.baseUri() + "/containers" + rest);
    }

    private Map<String, String> headers() {
        return Map.of("X-Auth-Token", system.adminToken(), "OpenStack-API-Version", ContainersApi.API_VERSION);
    }

    /** The project's containers through the Watch API (docs/api-watch.md). */
    private FinalStatusWatch stream() throws Exception {
        return new StreamWatch(URI.create(api.baseUri() + "/containers?watch=true"), headers(), "uuid", FINALS);
    }

    /**
     * The concurrent creates as a client of twenty watches them: all released at once, then one
     * observer until all run, instead of twenty clients each showing its own: a listing every
     * {@link #POLL} ({@link ListWatch}), or the Watch API's stream ({@link StreamWatch}). Each
     * latency is from its {@code POST} to the moment the observer first saw it running.
     */
    private List<Duration> concurrentWatched(FinalStatusWatch watch, int firstName) throws Exception {
        Map<String, Long> started = AllAtOnce.run(SAMPLES, i -> {
            long start = System.nanoTime();
            return Map.entry(create(firstName + 1 + i), start);
        }).stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return watch.latencies(started, "Running", Duration.ofSeconds(120));
    }

    /** From {@code docker run -d --init} (the agent creates containers with an init too) to {@code docker inspect} showing it running. */
    private Duration rawRunToRunning(int i) {
        long start = System.nanoTime();
        DockerCli.Result run = docker.run("run", "-d", "--init", "--label", BENCH_LABEL + "=" + runLabel,
                "--memory", MEMORY_MIB + "m", "--cpus", Double.toString(CPU), "busybox", COMMAND.get(0), COMMAND.get(1));
        assertEquals(0, run.exitCode(), run.stdout());
        String id = run.stdout().lines().reduce((a, b) -> b).orElseThrow();
        poller.until("raw container " + id + " to run",
                () -> docker.inspect(id, "{{.State.Running}}").orElse(""), "true"::equals);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** {@link #rawRunToRunning}'s container made through the engine's API (create, start), without the CLI. */
    private Duration engineRunToRunning(int i) {
        long start = System.nanoTime();
        String id = engine.create(Map.of("Image", "busybox", "Cmd", COMMAND, "Labels", Map.of(BENCH_LABEL, runLabel),
                "HostConfig", Map.of("Init", true, "Memory", (long) MEMORY_MIB << 20, "NanoCpus", (long) (CPU * 1e9))));
        engine.start(id);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private interface Measurement {
        Duration run(int i) throws Exception;
    }

    private static List<Duration> sequential(Measurement measurement) throws Exception {
        List<Duration> samples = new ArrayList<>();
        for (int i = 1; i <= SAMPLES; i++) {
            samples.add(measurement.run(i));
        }
        return samples;
    }

    /** All requests are released at once ({@link AllAtOnce}), so they really overlap. */
    private static List<Duration> concurrent(Measurement measurement) throws Exception {
        return AllAtOnce.run(SAMPLES, i -> measurement.run(SAMPLES + 1 + i));
    }

    /**
     * Force-deletes the API's containers between phases so that their resource claims do not
     * accumulate, and removes the raw ones by label.
     */
    private void removeAll() {
        for (String uuid : Set.copyOf(created)) {
            Response r = api.request().queryParam("force", true).delete("/containers/{ident}", uuid);
            if (r.statusCode() == 204) {
                api.awaitGone(uuid);
            }
            // gone: the next phase's clean-up need not ask again
            if (r.statusCode() == 204 || r.statusCode() == 404) {
                created.remove(uuid);
            }
        }
        docker.removeForcibly(docker.idsWithLabel(BENCH_LABEL, runLabel));
    }

    private static String header() {
        return String.format(Locale.ROOT, "%nCreate -> Running, busybox %s, %.1f CPU, %d MiB, N=%d per mode"
                        + " (all: the slowest, in the concurrent modes the time until all %d ran)%n",
                String.join(" ", COMMAND), CPU, MEMORY_MIB, SAMPLES, SAMPLES)
                + String.format(Locale.ROOT, "%-24s %10s %10s %10s %10s %10s %10s %9s %9s %9s%n", "mode", "API med",
                "API p95", "API all", "raw med", "raw p95", "raw all", "ratio med", "ratio p95", "ratio all");
    }

    private static String row(String mode, LatencySummary api, LatencySummary raw) {
        return String.format(Locale.ROOT, "%-24s %7d ms %7d ms %7d ms %7d ms %7d ms %7d ms %9.2f %9.2f %9.2f%n", mode,
                api.median().toMillis(), api.p95().toMillis(), api.max().toMillis(), raw.median().toMillis(),
                raw.p95().toMillis(), raw.max().toMillis(), ratio(api.median(), raw.median()),
                ratio(api.p95(), raw.p95()), ratio(api.max(), raw.max()));
    }

    private static double ratio(Duration a, Duration b) {
        return (double) a.toNanos() / Math.max(1, b.toNanos());
    }
}
