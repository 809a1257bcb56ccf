package io.windlass.watch;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.windlass.testing.ProjectMember;
import io.windlass.testing.RealTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Not a test but the Watch API's fan-out benchmark (deploy/local/bench-watch runs it): from the
 * commit of a container's status change until the first and until the last of N watchers (over
 * HTTP, one replica) received its event, p50/p99, for N = 1, 100 and 500. The database round trip
 * of the change itself is measured too, as the baseline the watchers add to.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
@EnabledIfSystemProperty(named = "watchbench", matches = "true")
class WatchFanoutBenchIT {
    private static final int SAMPLES = Integer.getInteger("watchbench.samples", 100);
    private static final int[] WATCHERS = {1, 100, 500};

    @TestHTTPResource("/")
    URI base;
    @Inject
    AgroalDataSource db;

    @Test
    void changeToAllWatchers() throws Exception {
        ProjectMember p = ProjectMember.create("watch-bench");
        UUID c = UUID.randomUUID();
        sql("INSERT INTO containers (uuid, name, project_id, user_id, image, image_driver, cpu, memory, status)"
                + " VALUES ('" + c + "', 'bench', '" + p.project() + "', 'u', 'busybox', 'docker', 1, 64, 'Running')");
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-34s %9s %9s %9s %9s %5s", "container status change", "p50 ms", "p99 ms",
                "max ms", "", "n"));
        HttpClient http = HttpClient.newHttpClient();
        boolean first = true;
        for (int n : WATCHERS) {
            List<SseStream> streams = new ArrayList<>();
            try {
                for (int i = 0; i < n; i++) {
                    streams.add(SseStream.open(http, base.resolve("/container/v1/containers?watch=true"), p.member(),
                            null));
                }
                for (SseStream s : streams) {
                    s.await(e -> "watching".equals(e.name()), Duration.ofSeconds(60));
                }
                if (first) {
                    measure(c, streams, 20, "warm-up");
                    first = false;
                }
                double[][] r = measure(c, streams, SAMPLES, "n" + n);
                if (n == WATCHERS[0]) {
                    lines.add(row("commit of the change (baseline)", r[2], n));
                }
                lines.add(row("commit → first of " + n + " watchers", r[0], n));
                lines.add(row("commit → all " + n + " watchers", r[1], n));
            } finally {
                streams.forEach(SseStream::close);
            }
        }
        String report = "==== windlass watch fan-out benchmark (" + SAMPLES + " changes per row) ====\n"
                + String.join("\n", lines) + "\n";
        System.out.println(report);
        try {
            Files.writeString(Path.of("target/watch-benchmark.txt"), report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ms from the commit's start to the first and to the last watcher's receipt, and the commit itself. */
    private double[][] measure(UUID c, List<SseStream> streams, int samples, String tag) throws Exception {
        double[] firstMs = new double[samples];
        double[] allMs = new double[samples];
        double[] commitMs = new double[samples];
        for (int i = 0; i < samples; i++) {
            String marker = tag + "-" + i;
            long t0 = System.nanoTime();
            sql("UPDATE containers SET status_reason = '" + marker + "' WHERE uuid = '" + c + "'");
            commitMs[i] = (System.nanoTime() - t0) / 1e6;
            long earliest = Long.MAX_VALUE;
            long latest = 0;
            for (SseStream s : streams) {
                long at = s.await(e -> e.data().contains(marker), Duration.ofSeconds(30)).receivedAt();
                earliest = Math.min(earliest, at);
                latest = Math.max(latest, at);
            }
            firstMs[i] = (earliest - t0) / 1e6;
            allMs[i] = (latest - t0) / 1e6;
        }
        return new double[][]{firstMs, allMs, commitMs};
    }

    private static String row(String name, double[] ms, int n) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return String.format("%-34s %9.1f %9.1f %9.1f %9s %5d", name, sorted[sorted.length / 2],
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1], sorted[sorted.length - 1], "", n);
    }

    private void sql(String statement) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            s.executeUpdate();
        }
    }
}
