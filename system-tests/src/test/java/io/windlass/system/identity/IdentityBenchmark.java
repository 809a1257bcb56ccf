package io.windlass.system.identity;

import io.windlass.system.LatencySummary;
import io.windlass.system.WindlassService;
import io.windlass.system.WindlassSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Token issue and validation rates of one api-service replica, and what authentication adds
 * to {@code GET /container/v1/containers}: against a {@code noauth} replica (baseline), with
 * Windlass tokens and the revocation list cached (default), and with that cache off. Not part
 * of {@code verify}; run it with {@code deploy/local/bench-identity}. Documented in
 * docs/benchmarks.md.
 */
class IdentityBenchmark {
    private static final int SAMPLES = Integer.getInteger("windlass.bench.samples", 300);
    private static final int THREADS = 8;
    private static final int NOAUTH_PORT = 28790 + WindlassService.PORT_OFFSET;
    private static final int UNCACHED_PORT = 28791 + WindlassService.PORT_OFFSET;

    @RegisterExtension
    static final WindlassSystem system = new WindlassSystem();

    // plain JDK client: REST Assured's per-request overhead would blur millisecond figures
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void tokenRatesAndAuthorizationOverhead() throws Exception {
        String noauth = system.startExtraApi("noauth", NOAUTH_PORT, List.of("-Dwindlass.auth.strategy=noauth"));
        String uncached = system.startExtraApi("uncached", UNCACHED_PORT,
                List.of("-Dwindlass.identity.revocation-cache-ttl=0s"));
        String api = WindlassSystem.apiUrl();
        String token = system.adminToken();
        String issueBody = issueBody();
        int issues = Math.max(20, SAMPLES / 10);

        warmUp(api, token, issueBody);
        List<String> rows = new ArrayList<>();
        rows.add(row("token issue (password, PBKDF2)", sequential(issues, () -> issue(api, issueBody)),
                concurrent(issues, () -> issue(api, issueBody))));
        rows.add(row("token validation (GET /v3/auth/tokens)", sequential(SAMPLES, () -> validate(api, token)),
                concurrent(SAMPLES, () -> validate(api, token))));
        // interleaved, so that drift on this noisy machine (JIT, other load) hits all three alike
        List<Duration> baselineSamples = new ArrayList<>();
        List<Duration> cachedSamples = new ArrayList<>();
        List<Duration> uncachedSamples = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            baselineSamples.add(time(() -> list(noauth, null)));
            cachedSamples.add(time(() -> list(api, token)));
            uncachedSamples.add(time(() -> list(uncached, token)));
        }
        LatencySummary baseline = LatencySummary.of(baselineSamples);
        LatencySummary cached = LatencySummary.of(cachedSamples);
        LatencySummary uncachedList = LatencySummary.of(uncachedSamples);

        StringBuilder out = new StringBuilder("Identity benchmark (one api-service replica, ")
                .append(SAMPLES).append(" samples, ").append(THREADS).append(" threads for throughput)\n\n")
                .append(String.format(Locale.ROOT, "| %-40s | %9s | %9s | %12s |%n", "operation", "median", "p95",
                        "throughput/s"))
                .append("|---|---|---|---|\n");
        rows.forEach(out::append);
        out.append("\nGET /container/v1/containers (empty list), sequential, the three replicas interleaved:\n\n")
                .append("| auth | median | p95 | added to median |\n|---|---|---|---|\n")
                .append(listRow("none (noauth replica, baseline)", baseline, baseline))
                .append(listRow("token, revocation list cached (2 s)", cached, baseline))
                .append(listRow("token, revocation list not cached", uncachedList, baseline));
        System.out.print(out);
        Files.writeString(Path.of("target", "identity-benchmark.txt"), out.toString());
    }

    /** Enough calls for the JIT to compile the request paths of all three replicas. */
    private void warmUp(String api, String token, String issueBody) throws Exception {
        for (int i = 0; i < 20; i++) {
            issue(api, issueBody);
        }
        for (int i = 0; i < 300; i++) {
            validate(api, token);
            list(api, token);
            list("http://127.0.0.1:" + NOAUTH_PORT, null);
            list("http://127.0.0.1:" + UNCACHED_PORT, token);
        }
    }

    private String issueBody() {
        var admin = system.admin();
        return """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "%s",
                 "password": "%s", "domain": {"name": "Default"}}}},
                 "scope": {"project": {"name": "%s", "domain": {"name": "Default"}}}}}"""
                .formatted(admin.user(), admin.password(), admin.project());
    }

    private void issue(String api, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api + "/v3/auth/tokens"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
    }

    private void validate(String api, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api + "/v3/auth/tokens"))
                .header("X-Auth-Token", token).header("X-Subject-Token", token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }

    private void list(String api, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + "/container/v1/containers"))
                .header("OpenStack-API-Version", "container 1.40").GET();
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }

    private interface Call {
        void run() throws Exception;
    }

    private static LatencySummary sequential(int n, Call call) throws Exception {
        List<Duration> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            samples.add(time(call));
        }
        return LatencySummary.of(samples);
    }

    private static Duration time(Call call) throws Exception {
        long start = System.nanoTime();
        call.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Calls per second with {@link #THREADS} callers. */
    private static double concurrent(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Void>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                Callable<Void> task = () -> {
                    call.run();
                    return null;
                };
                futures.add(pool.submit(task));
            }
            for (Future<Void> f : futures) {
                f.get();
            }
            return n / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String row(String name, LatencySummary s, double throughput) {
        return String.format(Locale.ROOT, "| %-40s | %6.1f ms | %6.1f ms | %12.0f |%n", name, ms(s.median()),
                ms(s.p95()), throughput);
    }

    private static String listRow(String name, LatencySummary s, LatencySummary baseline) {
        return String.format(Locale.ROOT, "| %s | %.2f ms | %.2f ms | %+.2f ms |%n", name, ms(s.median()), ms(s.p95()),
                ms(s.median()) - ms(baseline.median()));
    }

    private static double ms(Duration d) {
        return d.toNanos() / 1e6;
    }
}
