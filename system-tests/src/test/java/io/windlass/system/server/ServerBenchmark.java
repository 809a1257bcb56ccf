package io.windlass.system.server;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.windlass.system.AllAtOnce;
import io.windlass.system.DockerCli;
import io.windlass.system.EngineApi;
import io.windlass.system.LatencySummary;
import io.windlass.system.FinalStatusWatch;
import io.windlass.system.ListWatch;
import io.windlass.system.PlainJsonClient;
import io.windlass.system.Poller;
import io.windlass.system.StreamWatch;
import io.windlass.system.WindlassService;
import io.windlass.system.WindlassSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Servers (issue 5), measured in one run: boot → ACTIVE through the API against a raw
 * {@code docker run -d} of the same image and limits, one at a time and 20 at once, then
 * {@code GET /servers/detail?limit=100}
 * with 10,000 servers in the database (rows seeded directly, as if on simulated hosts).
 * Not part of {@code verify}; run it with {@code deploy/local/bench-servers}. See docs/benchmarks.md.
 */
class ServerBenchmark {
    private static final int BOOTS = Integer.getInteger("windlass.bench.samples", 10);
    private static final int SERVERS = Integer.getInteger("windlass.bench.servers", 10_000);
    private static final int LIST_REQUESTS = Integer.getInteger("windlass.bench.list-requests", 300);
    private static final String BENCH_LABEL = "windlass.benchmark";
    private static final Duration POLL = Duration.ofMillis(25);
    private static final int CONCURRENT = Integer.getInteger("windlass.bench.concurrent", 20);
    private static final Set<String> FINALS = Set.of("ACTIVE", "ERROR");

    @RegisterExtension
    // the boots (and the seeded rows) would exceed the default quota of 10 servers
    static final WindlassSystem system = new WindlassSystem()
            .withProperty(WindlassService.API, "windlass.quota.instances=-1")
            .withProperty(WindlassService.API, "windlass.quota.cores=-1")
            .withProperty(WindlassService.API, "windlass.quota.ram=-1");

    private final DockerCli docker = system.docker();
    private final EngineApi engine = new EngineApi();
    private final String runLabel = UUID.randomUUID().toString().substring(0, 8);
    private final Poller poller = new Poller(Duration.ofSeconds(120), POLL);
    /** Every timed request (the boots' POSTs, the polled GETs) goes through it; RestAssured does the rest. */
    private final PlainJsonClient client = new PlainJsonClient(headers());

    @Test
    void bootToActiveAgainstRawDockerAndListLatencyAtTenThousandServers() throws Exception {
        String imageId = given().baseUri(WindlassSystem.apiUrl()).header("X-Auth-Token", system.adminToken())
                .queryParam("name", "busybox:latest").get("/image/v2/images").jsonPath().getString("images[0].id");
        List<String> booted = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        try {
            // one untimed round each: first-call costs (JIT, image layers) stay out of the figures
            booted.add(bootToActive(imageId, 0).id());
            rawRunToRunning();
            // each boot watched two ways, taking turns so that neither gets the warmer services: its
            // client showing it every 25 ms, or told by the Watch API's stream; a raw run after each
            List<Duration> api = new ArrayList<>();
            List<Duration> raw = new ArrayList<>();
            List<Duration> streamed = new ArrayList<>();
            List<Duration> streamedRaw = new ArrayList<>();
            List<Duration> engineMade = new ArrayList<>();
            try (FinalStatusWatch stream = stream()) {
                for (int i = 1; i <= BOOTS; i++) {
                    Boot boot = bootToActive(imageId, i);
                    booted.add(boot.id());
                    api.add(boot.elapsed());
                    raw.add(rawRunToRunning());
                    long start = System.nanoTime();
                    String id = boot(imageId, "s" + i);
                    booted.add(id);
                    streamed.add(stream.latencies(Map.of(id, start), "ACTIVE", Duration.ofSeconds(120)).getFirst());
                    streamedRaw.add(rawRunToRunning());
                    engineMade.add(engineRunToRunning());
                }
            }
            out.append(table(String.format(Locale.ROOT, "Boot -> ACTIVE, busybox, m1.nano (1 vCPU, 64 MiB), N=%d,"
                    + " its client showing it every %d ms", BOOTS, POLL.toMillis()), LatencySummary.of(api),
                    LatencySummary.of(raw)))
                    .append(table(String.format(Locale.ROOT, "Boot -> ACTIVE, the same, its client told by the Watch"
                            + " API's stream, N=%d", BOOTS), LatencySummary.of(streamed), LatencySummary.of(streamedRaw)))
                    // the raw side's figures include two runs of the docker CLI (run, inspect); the
                    // engine's own create and start show what Windlass adds to the engine's work
                    .append(table(String.format(Locale.ROOT, "Boot -> ACTIVE told by the stream, against the same container"
                            + " made through the engine's API (create + start, no CLI; raw row), N=%d", BOOTS),
                            LatencySummary.of(streamed), LatencySummary.of(engineMade)));
            System.out.print(out);

            // 20 boots at once, watched as their client would, against 20 raw runs in parallel: first
            // told by the Watch API's stream, then by a listing (which so gets the warmer services)
            deleteAll(booted);
            LatencySummary concurrentStreamed;
            try (FinalStatusWatch stream = stream()) {
                concurrentStreamed = LatencySummary.of(concurrentBoots(imageId, booted, stream, "w"));
            }
            deleteAll(booted);
            LatencySummary concurrentRaw = LatencySummary.of(AllAtOnce.run(CONCURRENT, i -> rawRunToRunning()));
            LatencySummary concurrentApi;
            try (FinalStatusWatch listing = new ListWatch(URI.create(WindlassSystem.apiUrl()
                    + "/compute/v2.1/servers/detail"), headers(), "servers", "id", FINALS, POLL)) {
                concurrentApi = LatencySummary.of(concurrentBoots(imageId, booted, listing, "c"));
            }
            String concurrent = table(String.format(Locale.ROOT, "%d boots at once -> all ACTIVE (one client listing"
                    + " every %d ms), against %d raw runs in parallel", CONCURRENT, POLL.toMillis(), CONCURRENT),
                    concurrentApi, concurrentRaw)
                    + table(String.format(Locale.ROOT, "%d boots at once -> all ACTIVE (one client on the Watch API's"
                    + " stream), against the same %d raw runs", CONCURRENT, CONCURRENT), concurrentStreamed, concurrentRaw);
            System.out.print(concurrent);
            out.append(concurrent);
        } finally {
            for (String id : booted) {
                api().delete("/servers/" + id);
            }
            docker.removeForcibly(docker.idsWithLabel(BENCH_LABEL, runLabel));
        }

        seed(imageId);
        // warm-up until the JIT has compiled the listing path (measured by hand: the first ~150
        // requests are several times slower), then the measured requests, one after the other
        for (int i = 0; i < 300; i++) {
            api().get("/servers/detail?limit=100");
        }
        // a plain JDK client, so the figure is the service's and not the test client's (RestAssured
        // adds milliseconds of its own per request)
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        List<Duration> list = new ArrayList<>();
        String marker = null;
        for (int i = 0; i < LIST_REQUESTS; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(WindlassSystem.apiUrl()
                            + "/compute/v2.1/servers/detail?limit=100" + (marker == null ? "" : "&marker=" + marker)))
                    .header("X-Auth-Token", system.adminToken()).header("OpenStack-API-Version", "compute 2.79")
                    .header("Accept", "application/json").GET().build();
            long start = System.nanoTime();
            HttpResponse<String> page = http.send(request, HttpResponse.BodyHandlers.ofString());
            list.add(Duration.ofNanos(System.nanoTime() - start));
            assertEquals(200, page.statusCode(), page.body());
            List<String> ids = new ArrayList<>();
            json.readTree(page.body()).path("servers").forEach(server -> ids.add(server.path("id").asText()));
            assertEquals(100, ids.size());
            // walk the pages, so deep markers are measured too, and start over at the end
            marker = i % 50 == 49 ? null : ids.getLast();
        }
        List<Duration> sorted = list.stream().sorted().toList();
        String listing = String.format(Locale.ROOT,
                "%nGET /servers/detail?limit=100 at %,d servers, %d sequential requests (pages walked by marker)%n"
                        + "p50 %d ms, p95 %d ms, p99 %d ms, max %d ms (target p99 <= 50 ms)%n",
                SERVERS, LIST_REQUESTS, LatencySummary.percentile(sorted, 50).toMillis(),
                LatencySummary.percentile(sorted, 95).toMillis(), LatencySummary.percentile(sorted, 99).toMillis(),
                sorted.getLast().toMillis());
        System.out.print(listing);
        out.append(listing).append(String.format(Locale.ROOT,
                "%nServices after start (startup from their log, RSS from /proc):%n")).append(system.startupReport())
                .append(String.format(Locale.ROOT, "%nServices after the benchmark (RSS from /proc):%n"))
                .append(system.servicesReport());
        Path file = Path.of("target", "benchmark-servers.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
    }

    private record Boot(String id, Duration elapsed) {
    }

    private Boot bootToActive(String imageId, int i) {
        long start = System.nanoTime();
        String id = boot(imageId, Integer.toString(i));
        JsonNode server = poller.until("server " + id + " active or in error",
                () -> client.get(servers("/" + id), 200).path("server"),
                s -> FINALS.contains(s.path("status").asText()));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (!"ACTIVE".equals(server.path("status").asText())) {
            throw new AssertionError("server " + id + " failed: " + server.path("fault"));
        }
        return new Boot(id, elapsed);
    }

    /** {@code POST /servers}: the new server's id. */
    private String boot(String imageId, String name) {
        return client.post(servers(""), Map.of("server", Map.of("name", "bench-" + runLabel + "-" + name,
                "flavorRef", "0", "imageRef", imageId, "networks", "auto")), 202).path("server").path("id").asText();
    }

    private static URI servers(String path) {
        return URI.create(WindlassSystem.apiUrl() + "/compute/v2.1/servers" + path);
    }

    private static Map<String, String> headers() {
        return Map.of("X-Auth-Token", system.adminToken(), "OpenStack-API-Version", "compute 2.79");
    }

    /** The project's servers through the Watch API (docs/api-watch.md). */
    private static FinalStatusWatch stream() throws Exception {
        return new StreamWatch(URI.create(WindlassSystem.apiUrl() + "/compute/v2.1/servers?watch=true"), headers(), "id",
                FINALS);
    }

    /**
     * {@value #CONCURRENT} boots released at once ({@link AllAtOnce}); each latency is from its
     * {@code POST} to the moment {@code watch} first saw it ACTIVE: a listing ({@link ListWatch})
     * or the Watch API's stream ({@link StreamWatch}).
     */
    private List<Duration> concurrentBoots(String imageId, List<String> booted, FinalStatusWatch watch, String prefix)
            throws Exception {
        Map<String, Long> started = AllAtOnce.run(CONCURRENT, i -> {
            long start = System.nanoTime();
            return Map.entry(boot(imageId, prefix + i), start);
        }).stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        booted.addAll(started.keySet());
        return watch.latencies(started, "ACTIVE", Duration.ofSeconds(180));
    }

    /** Deletes the servers and waits until they are gone, so that their claims do not count against the next phase. */
    private void deleteAll(List<String> ids) {
        ids.forEach(id -> api().delete("/servers/" + id));
        ids.forEach(id -> poller.until("server " + id + " gone", () -> api().get("/servers/" + id).statusCode(),
                status -> status == 404));
        ids.clear();
    }

    /** The engine-side equivalent of what the docker driver does for a server (see DockerServerDriver). */
    private Duration rawRunToRunning() {
        long start = System.nanoTime();
        DockerCli.Result run = docker.run("run", "-d", "-i", "-t", "--init", "--label", BENCH_LABEL + "=" + runLabel,
                "--memory", "64m", "--cpus", "1", "busybox:latest");
        assertEquals(0, run.exitCode(), run.stdout());
        String id = run.stdout().lines().reduce((a, b) -> b).orElseThrow();
        poller.until("raw container " + id + " to run", () -> docker.inspect(id, "{{.State.Running}}").orElse(""),
                "true"::equals);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** {@link #rawRunToRunning}'s container made through the engine's API: what the engine itself takes. */
    private Duration engineRunToRunning() {
        long start = System.nanoTime();
        String id = engine.create(Map.of("Image", "busybox:latest", "Tty", true, "OpenStdin", true,
                "Labels", Map.of(BENCH_LABEL, runLabel), "HostConfig", Map.of("Init", true, "Memory", 64L << 20,
                        "NanoCpus", 1_000_000_000L)));
        engine.start(id);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** 10,000 ACTIVE servers of the admin's project on 100 simulated hosts, written in one batch. */
    private void seed(String imageId) throws Exception {
        String project = given().baseUri(WindlassSystem.apiUrl()).header("X-Auth-Token", system.adminToken())
                .header("X-Subject-Token", system.adminToken()).get("/v3/auth/tokens").jsonPath()
                .getString("token.project.id");
        try (Connection c = DriverManager.getConnection(system.database().jdbcUrl(), "postgres", "");
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO servers (uuid, name, project_id, user_id, image_ref, image, flavor_id, flavor_name,
                                          vcpus, memory_mb, root_gb, hostname, reservation_id, vm_state, power_state,
                                          host, availability_zone, addresses, launched_at, created_at)
                     VALUES (?, ?, ?, 'bench', ?, 'busybox:latest', '0', 'm1.nano', 1, 64, 1, ?, 'r-benchmrk',
                             'active', 1, ?, 'nova',
                             cast(? as jsonb), now(), now() - make_interval(secs => ?))""")) {
            c.setAutoCommit(false);
            for (int i = 0; i < SERVERS; i++) {
                String name = "seeded-" + i;
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, name);
                insert.setString(3, project);
                insert.setString(4, imageId);
                insert.setString(5, name);
                insert.setString(6, "sim-host-" + (i % 100));
                insert.setString(7, "{\"bridge\": [{\"addr\": \"10.0." + (i / 250) + "." + (i % 250)
                        + "\", \"version\": 4, \"macAddr\": null}]}");
                insert.setDouble(8, i);
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            c.commit();
            c.createStatement().execute("ANALYZE servers");
        }
    }

    /** Median, p95 and all (the slowest) of both sides, and their ratios. */
    private static String table(String title, LatencySummary api, LatencySummary raw) {
        return String.format(Locale.ROOT, "%n%s%n%-10s %12s %12s %12s%n", title, "", "median", "p95", "all")
                + String.format(Locale.ROOT, "%-10s %9d ms %9d ms %9d ms%n", "API", api.median().toMillis(),
                        api.p95().toMillis(), api.max().toMillis())
                + String.format(Locale.ROOT, "%-10s %9d ms %9d ms %9d ms%n", "raw", raw.median().toMillis(),
                        raw.p95().toMillis(), raw.max().toMillis())
                + String.format(Locale.ROOT, "%-10s %12.2f %12.2f %12.2f%n", "ratio", ratio(api.median(), raw.median()),
                        ratio(api.p95(), raw.p95()), ratio(api.max(), raw.max()));
    }

    private static double ratio(Duration a, Duration b) {
        return (double) a.toNanos() / Math.max(1, b.toNanos());
    }

    private static RequestSpecification api() {
        return given().baseUri(WindlassSystem.apiUrl() + "/compute/v2.1")
                .header("X-Auth-Token", system.adminToken())
                .header("OpenStack-API-Version", "compute 2.79")
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
