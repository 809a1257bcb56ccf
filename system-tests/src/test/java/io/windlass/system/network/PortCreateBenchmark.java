package io.windlass.system.network;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.windlass.system.ContainersApi;
import io.windlass.system.LatencySummary;
import io.windlass.system.Poller;
import io.windlass.system.WindlassSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Create-to-Running of a container on a tenant network (a port made for it, bound, and the
 * container put on the network's engine bridge) against the same container on the engine's
 * default network, through the API, interleaved in the same run so that both see the same
 * machine. Not part of {@code verify}; run it with {@code deploy/local/bench-workload-ports}.
 * Documented in docs/benchmarks.md.
 */
class PortCreateBenchmark {
    private static final int SAMPLES = Integer.getInteger("windlass.bench.samples", 15);

    @RegisterExtension
    static final WindlassSystem system = new WindlassSystem();

    private final ContainersApi api = system.containers();
    private final Poller poller = new Poller(Duration.ofSeconds(120), Duration.ofMillis(25));

    @Test
    void createToRunningWithAPortAgainstWithout() throws Exception {
        String admin = system.adminToken();
        Response net = given().baseUri(WindlassSystem.apiUrl() + "/network/v2.0").header("X-Auth-Token", admin)
                .contentType(ContentType.JSON).body(Map.of("network", Map.of("name", "bench-ports"))).post("/networks");
        assertEquals(201, net.statusCode(), net.asString());
        String network = net.jsonPath().getString("network.id");
        Response subnet = given().baseUri(WindlassSystem.apiUrl() + "/network/v2.0").header("X-Auth-Token", admin)
                .contentType(ContentType.JSON).body(Map.of("subnet", Map.of("network_id", network,
                        "cidr", "198.19.70.0/24", "ip_version", 4))).post("/subnets");
        assertEquals(201, subnet.statusCode(), subnet.asString());

        // one untimed round each: first-call costs (JIT, the network's bridge) stay out of the figures
        remove(createToRunning(List.of(Map.of("network", network))).uuid());
        remove(createToRunning(List.of()).uuid());
        List<Duration> withPort = new ArrayList<>();
        List<Duration> without = new ArrayList<>();
        List<String> made = new ArrayList<>();
        try {
            for (int i = 0; i < SAMPLES; i++) {
                // alternated, and the network kept by one container, so neither side pays its bridge's making
                Sample a = createToRunning(List.of(Map.of("network", network)));
                Sample b = createToRunning(List.of());
                withPort.add(a.elapsed());
                without.add(b.elapsed());
                made.add(a.uuid());
                made.add(b.uuid());
            }
        } finally {
            made.forEach(this::remove);
        }
        LatencySummary port = LatencySummary.of(withPort);
        LatencySummary plain = LatencySummary.of(without);
        String report = String.format(Locale.ROOT, "create -> Running, %d sequential samples each, same run%n"
                        + "%-24s p50 %6.3f s  p95 %6.3f s%n%-24s p50 %6.3f s  p95 %6.3f s%nratio of p50s %.2f%n",
                SAMPLES, "on a tenant network", seconds(port.median()), seconds(port.p95()),
                "engine default network", seconds(plain.median()), seconds(plain.p95()),
                seconds(port.median()) / seconds(plain.median()));
        System.out.print(report);
        Path out = Path.of("target", "benchmark-ports.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private record Sample(String uuid, Duration elapsed) {
    }

    private Sample createToRunning(Object nets) {
        long start = System.nanoTime();
        Response created = api.create(Map.of("image", "busybox", "command", List.of("sleep", "3600"), "nets", nets,
                "cpu", 0.1, "memory", 16), true);
        assertEquals(202, created.statusCode(), created.asString());
        String uuid = ContainersApi.uuidOf(created);
        Map<String, Object> c = poller.until("container " + uuid + " to run or fail", () -> api.find(uuid).orElse(Map.of()),
                x -> "Running".equals(x.get("status")) || "Error".equals(x.get("status")));
        assertEquals("Running", c.get("status"), String.valueOf(c.get("status_reason")));
        return new Sample(uuid, Duration.ofNanos(System.nanoTime() - start));
    }

    private void remove(String uuid) {
        api.request().queryParam("force", true).delete("/containers/" + uuid);
        api.awaitGone(uuid);
    }
}
