package io.windlass.system.scheduler;

import io.restassured.response.Response;
import io.windlass.system.Poller;
import io.windlass.system.TestDatabase;
import io.windlass.system.WindlassService;
import io.windlass.system.WindlassSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two scheduler replicas (each with its default 1 s cached view of the hosts) decide concurrently
 * on the same simulated hosts, which have room for most but not all of the requests: no host may
 * end up over-committed, and every request must end Running or in Error with "no valid host".
 */
class SchedulerReplicasST {
    private static final int HOSTS = 16;
    private static final long HOST_MEMORY_MB = 2048;
    private static final long REQUEST_MEMORY_MB = 256;
    /** Memory bounds it: 8 per host, 128 in all. */
    private static final int CAPACITY = (int) (HOSTS * (HOST_MEMORY_MB / REQUEST_MEMORY_MB));
    private static final int REQUESTS = 150;
    private static final int IN_FLIGHT = 24;
    private static final int SECOND_SCHEDULER_PORT = WindlassService.SCHEDULER.port() + 10;

    @RegisterExtension
    static final WindlassSystem system = new WindlassSystem()
            .withSimulatedHosts(HOSTS, 2, HOST_MEMORY_MB, 100)
            // 200 containers in one project: lift the quotas (-1 = unlimited)
            .withProperty(WindlassService.API, "windlass.quota.containers=-1")
            .withProperty(WindlassService.API, "windlass.quota.cpu=-1")
            .withProperty(WindlassService.API, "windlass.quota.memory=-1");

    @Test
    void concurrentCreatesThroughTwoSchedulersNeverOvercommitAndNoneIsLost() throws Exception {
        system.startExtraScheduler("replica", SECOND_SCHEDULER_PORT, List.of());
        TestDatabase db = system.database();
        String prefix = system.agentHost() + "-sim-";
        Poller.standard().until("the " + HOSTS + " simulated hosts to heart-beat",
                () -> count(db, "select count(*) from compute_hosts where host like '" + prefix + "%'"),
                n -> n == HOSTS);

        ExecutorService clients = Executors.newFixedThreadPool(IN_FLIGHT);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Map<String, Object> body = Map.of("image", "busybox", "command", List.of("sleep", "3600"),
                    "cpu", 0.1, "memory", REQUEST_MEMORY_MB, "name", String.format("replicas-%03d", i));
            statuses.add(clients.submit(() -> {
                Response response = system.containers().create(body, true);
                return response.statusCode();
            }));
        }
        for (Future<Integer> status : statuses) {
            assertEquals(202, status.get(), "every create is accepted; placement happens afterwards");
        }
        clients.shutdown();

        Poller.standard().until("every container to be Running or Error",
                () -> count(db, "select count(*) from containers where status not in ('Running', 'Error')"),
                n -> n == 0);

        // nothing lost: every accepted create has a row, in a final state that says why
        assertEquals(REQUESTS, count(db, "select count(*) from containers"));
        List<Map<String, Object>> unexplained = db.query("""
                select uuid, status, status_reason from containers
                where not (status = 'Running'
                           or (status = 'Error' and status_reason like 'There are not enough hosts available%'))""");
        assertTrue(unexplained.isEmpty(), "neither Running nor NoValidHost: " + unexplained);
        // claims and states agree: a Running container holds exactly one claim, a refused one none
        assertEquals(0, count(db, """
                select count(*) from containers c
                where (c.status = 'Running') <> exists (select 1 from allocations a where a.consumer_uuid = c.uuid)
                   or (c.status = 'Running' and c.host is distinct from
                       (select a.host from allocations a where a.consumer_uuid = c.uuid))"""));

        // no host over-committed (capacity × the configured ratios: cpu 16, ram 1, disk 1), and the
        // counters the claims maintain equal the sum of the allocations
        List<Map<String, Object>> overcommitted = db.query("""
                select h.host, h.vcpus_used, h.memory_mb_used, coalesce(sum(a.memory_mb), 0) as allocated_mb
                from compute_hosts h left join allocations a on a.host = h.host
                group by h.host, h.vcpus, h.memory_mb, h.disk_gb, h.vcpus_used, h.memory_mb_used, h.disk_gb_used
                having coalesce(sum(a.memory_mb), 0) > h.memory_mb or coalesce(sum(a.vcpus), 0) > h.vcpus * 16
                    or coalesce(sum(a.disk_gb), 0) > h.disk_gb
                    or h.memory_mb_used <> coalesce(sum(a.memory_mb), 0)
                    or abs(h.vcpus_used - coalesce(sum(a.vcpus), 0)) > 1e-6""");
        assertTrue(overcommitted.isEmpty(), "over-committed or inconsistent hosts: " + overcommitted);

        long running = count(db, "select count(*) from containers where status = 'Running'");
        System.out.printf("%d requests on %d slots: %d Running, %d NoValidHost%n", REQUESTS, CAPACITY, running,
                REQUESTS - running);
        assertTrue(running <= CAPACITY, running + " Running on " + CAPACITY + " slots");
        // the hosts really filled up (a stale cached view may refuse a request or two near the end)
        assertTrue(running >= CAPACITY * 95L / 100, "only " + running + " of " + CAPACITY + " slots used");

        // both replicas decided: the race above really was between two schedulers
        for (int port : List.of(WindlassService.SCHEDULER.port(), SECOND_SCHEDULER_PORT)) {
            assertTrue(decisions(port) > 0, "scheduler on " + port + " made no decision");
        }
    }

    private static long count(TestDatabase db, String sql) {
        return ((Number) db.query(sql).getFirst().values().iterator().next()).longValue();
    }

    /** Decisions a scheduler timed, from its Prometheus metrics. */
    private static long decisions(int port) throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return metrics.body().lines()
                .filter(l -> l.startsWith("windlass_scheduler_decision_seconds_count"))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
