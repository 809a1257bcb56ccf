package io.windlass.scheduler.selection;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.claim.HostClaims;
import io.windlass.scheduler.config.SchedulerConfig;
import io.windlass.scheduler.filter.FilterChain;
import io.windlass.scheduler.group.ServerGroupReader;
import io.windlass.scheduler.group.ServerGroupTurns;
import io.windlass.scheduler.host.ComputeHostReader;
import io.windlass.scheduler.host.ComputeHostRows;
import io.windlass.scheduler.host.HostStateCache;
import io.windlass.scheduler.weigher.HostRanker;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Scheduling decision latency in-process, against the real PostgreSQL, at 1,000 hosts in 50
 * aggregates (the shape of {@code deploy/local/bench-scale} without RabbitMQ, the API and the
 * conductor, so far fewer processes compete for the CPU). Not part of {@code verify}: run with
 * {@code -Dtest=DecisionLatencyBenchmark} (docs/benchmarks.md). Compares reading the hosts on every
 * decision ({@code host-state-cache-ttl=0s}) with the default 1 s cached view, sequentially and
 * with 4 decisions in flight (the default {@code rpc-consumers}). Writes
 * {@code target/decision-latency.txt}.
 */
@QuarkusTest
class DecisionLatencyBenchmark {
    private static final int HOSTS = 1000;
    private static final int WARM_UP = 200;
    private static final int SAMPLES = Integer.getInteger("windlass.bench.samples", 1000);

    @Inject
    ComputeHostRows rows;
    @Inject
    ComputeHostReader reader;
    @Inject
    FilterChain filters;
    @Inject
    HostRanker ranker;
    @Inject
    HostClaims claims;
    @Inject
    SchedulerConfig config;
    @Inject
    ServerGroupReader serverGroups;
    @Inject
    ServerGroupTurns groupTurns;

    @Test
    void decisionLatencyAtOneThousandHosts() throws Exception {
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "Decision latency, %d hosts, 50 aggregates, %d samples per mode (load average before: %s)%n"
                        + "| host view | in flight | p50 | p99 | mean |%n|---|---|---|---|---|%n",
                HOSTS, SAMPLES, loadAverage()));
        for (Duration ttl : List.of(Duration.ZERO, Duration.ofSeconds(1))) {
            for (int inFlight : List.of(1, 4)) {
                setUpHosts();
                ExecutorService refresher = Executors.newSingleThreadExecutor();
                DestinationSelector selector = new DestinationSelector(
                        new HostStateCache(reader::allHosts, ttl, System::nanoTime, refresher), reader, filters, ranker,
                        claims, config, new SimpleMeterRegistry(), serverGroups, groupTurns);
                run(selector, WARM_UP, inFlight);
                long[] nanos = run(selector, SAMPLES, inFlight);
                refresher.shutdown();
                refresher.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(WARM_UP + SAMPLES, (long) rows.query("SELECT count(*) FROM allocations"));
                assertEquals(0, (long) rows.query("SELECT count(*) FROM compute_hosts WHERE memory_mb_used > memory_mb"),
                        "no host over-committed");
                Arrays.sort(nanos);
                report.append(String.format(Locale.ROOT, "| %s | %d | %.2f ms | %.2f ms | %.2f ms |%n",
                        ttl.isZero() ? "read every decision (0s)" : "cached " + ttl.toSeconds() + " s", inFlight,
                        ms(nanos[nanos.length / 2]), ms(nanos[(int) Math.ceil(nanos.length * 0.99) - 1]),
                        ms((long) Arrays.stream(nanos).average().orElse(0))));
            }
        }
        report.append("load average after: ").append(loadAverage()).append('\n');
        System.out.print(report);
        Files.writeString(Path.of("target/decision-latency.txt"), report);
    }

    /** 1,000 hosts of 4 vCPU / 4 GiB, 50 aggregates of 20 with zones and metadata, as bench-scale. */
    private void setUpHosts() {
        rows.clear();
        rows.execute("INSERT INTO compute_hosts (host, driver, vcpus, memory_mb, disk_gb, last_heartbeat_at) "
                + "SELECT 'sim-' || lpad(i::text, 4, '0'), 'fake', 4, 4096, 100, now() FROM generate_series(1, "
                + HOSTS + ") i");
        rows.execute("INSERT INTO aggregates (uuid, name) SELECT gen_random_uuid(), 'agg-' || lpad(i::text, 2, '0') "
                + "FROM generate_series(1, 50) i");
        rows.execute("INSERT INTO aggregate_hosts (aggregate_id, host) SELECT a.id, h.host FROM aggregates a "
                + "JOIN compute_hosts h ON (substring(h.host from 5)::int - 1) % 50 + 1 = substring(a.name from 5)::int");
        rows.execute("INSERT INTO aggregate_metadata (aggregate_id, key, value) "
                + "SELECT id, 'availability_zone', 'az-' || (substring(name from 5)::int % 5) FROM aggregates "
                + "UNION ALL SELECT id, 'ssd', CASE WHEN substring(name from 5)::int % 2 = 0 THEN 'true' ELSE 'false' END "
                + "FROM aggregates");
    }

    private static long[] run(DestinationSelector selector, int decisions, int inFlight) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(inFlight);
        List<Future<Long>> results = new ArrayList<>(decisions);
        for (int i = 0; i < decisions; i++) {
            ResourceRequest request = new ResourceRequest(UUID.randomUUID().toString(), "container", "p1", 0.5, 256,
                    0, i % 5 == 0 ? null : "az-" + (i % 5), null, Map.of());
            results.add(pool.submit(() -> {
                long started = System.nanoTime();
                selector.select(request);
                return System.nanoTime() - started;
            }));
        }
        long[] nanos = new long[decisions];
        for (int i = 0; i < decisions; i++) {
            nanos[i] = results.get(i).get();
        }
        pool.shutdown();
        return nanos;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String loadAverage() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }
}
