package io.windlass.system.fault;

import io.restassured.response.Response;
import io.windlass.system.ContainersApi;
import io.windlass.system.DockerCli;
import io.windlass.system.EngineHost;
import io.windlass.system.Poller;
import io.windlass.system.ServersApi;
import io.windlass.system.WindlassService;
import io.windlass.system.WindlassSystem;
import io.windlass.system.fault.FaultLoad.Accepted;
import io.windlass.system.fault.FaultLoad.Refused;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fault suite: rounds of mixed container, server and capsule creates over two hosts (the
 * machine's engine and {@code wl-host-211}, a namespace with a dockerd of its own) and two processes
 * of each service, the api replicas behind HAProxy as {@code up --replicas} runs them; several
 * creates in flight, each round with one fault while they are: an api replica killed with SIGKILL
 * behind the balancer, RabbitMQ stopped and started, PostgreSQL
 * restarted, the second host's dockerd restarted, its link cut for longer than the down time (its
 * agent runs inside the host's namespace and reaches the broker over that link only), the agent,
 * the conductor or the scheduler killed with SIGKILL and started again.
 * <p>
 * After each round, within one reconcile period: every accepted create runs, or is in Error with
 * a reason that names the fault and no SQL (0 lost, 0 stuck); no workload has two engine
 * containers; no engine container lacks its row; the claims are exactly what runs; the quota
 * usage equals the rows; a create refused with 503 left nothing. Every service log is free of
 * ERROR lines. Each round prints its counts and how long the system took to settle.
 * <p>
 * CI runs the short version ({@code windlass.fault.creates} 12, {@code windlass.fault.in-flight} 4);
 * {@code deploy/local/fault-suite} runs the full one (50 creates, 10 in flight).
 */
class FaultRoundsST {
    private static final String COMPUTE = "compute 2.79";
    private static final int CREATES = Integer.getInteger("windlass.fault.creates", 12);
    private static final int IN_FLIGHT = Integer.getInteger("windlass.fault.in-flight", 4);
    /** A failure reason must not leak what only the database or the code knows. */
    private static final Pattern LEAK = Pattern.compile(
            "(?i)\\b(select|insert into|update \\w+ set|delete from)\\b|psql|sqlstate|exception|\\bat [a-z]+\\.");

    /**
     * The default, windlass.service-down-time: the link round outlasts it. Not shortened for the test:
     * heartbeats cannot cross a stopped broker either, and a down time shorter than a broker restart
     * would have every host look down after it (creates then fail with no valid host).
     */
    private static final Duration DOWN_TIME = Duration.ofSeconds(30);

    @RegisterExtension
    static final WindlassSystem system = new WindlassSystem()
            .withProperty(WindlassService.CONDUCTOR, "windlass.conductor.reconcile-interval=2s")
            // a create whose end was lost with the broker is asked again after this, and then reported done
            .withProperty(WindlassService.CONDUCTOR, "windlass.conductor.redrive-after=10s")
            .withProperty(WindlassService.AGENT, "windlass.agent.sync-interval=5s")
            .withProperty(WindlassService.API, "windlass.quota.containers=-1")
            .withProperty(WindlassService.API, "windlass.quota.instances=-1")
            .withProperty(WindlassService.API, "windlass.quota.cores=-1")
            .withProperty(WindlassService.API, "windlass.quota.ram=-1")
            .withProperty(WindlassService.API, "windlass.quota.cpu=-1")
            .withProperty(WindlassService.API, "windlass.quota.memory=-1");

    private static final int BALANCER_PORT = 28770 + WindlassService.PORT_OFFSET;

    private static EngineHost other;
    private static WindlassSystem.Replicas replicas;
    private static ContainersApi containers;
    private static ServersApi servers;

    /** A second host, and two of each service with the clients going through the load balancer. */
    @BeforeAll
    static void aSecondHostAndReplicas() throws IOException {
        other = system.startEngineHost(211, 28793 + WindlassService.PORT_OFFSET);
        replicas = system.startReplicas(BALANCER_PORT);
        containers = new ContainersApi(replicas.apiUrl() + "/container/v1", system::adminToken);
        servers = new ServersApi(replicas.apiUrl(), system::adminToken, COMPUTE);
    }

    @Test
    void apiReplicaKilled() throws Exception {
        round("api", "an api replica behind the load balancer killed (SIGKILL) and started again", () -> {
            replicas = new WindlassSystem.Replicas(replicas.apiUrl(), system.killAndRestart(replicas.api()));
        });
    }

    @Test
    void brokerRestart() throws Exception {
        round("broker", "RabbitMQ stopped and started", () -> {
            rabbitmq("stop_app");
            rabbitmq("start_app");
        });
    }

    @Test
    void databaseRestart() throws Exception {
        round("database", "PostgreSQL restarted", FaultRoundsST::restartPostgres);
    }

    @Test
    void engineRestart() throws Exception {
        // Docker's live-restore keeps running containers through the restart, but not one it is
        // starting while it shuts down: those may end stopped, or in Error, and the round says how many
        round("engine", "the dockerd of " + other.name() + " restarted", () -> system.restartEngine(other), true);
    }

    @Test
    void linkCut() throws Exception {
        round("link", "the link of " + other.name() + " cut for longer than the down time, then restored", () -> {
            system.cutLink(other);
            try {
                // its agent is alive but unreachable: the host must show down, and get no new work
                new Poller(DOWN_TIME.multipliedBy(3), Duration.ofMillis(500)).until(other.name() + " reported down",
                        FaultRoundsST::otherHostState, "down"::equals);
            } finally {
                system.restoreLink(other);
            }
        });
    }

    private static String otherHostState() {
        Response services = servers.request().queryParam("host", other.name()).get("/os-services");
        return services.statusCode() == 200 ? services.jsonPath().getString("services[0].state") : null;
    }

    @Test
    void agentKilled() throws Exception {
        round("agent", "agent killed (SIGKILL) and started again", () -> system.killAndRestart(WindlassService.AGENT));
    }

    @Test
    void conductorKilled() throws Exception {
        round("conductor", "conductor killed (SIGKILL) and started again",
                () -> system.killAndRestart(WindlassService.CONDUCTOR));
    }

    @Test
    void schedulerKilled() throws Exception {
        round("scheduler", "scheduler killed (SIGKILL) and started again",
                () -> system.killAndRestart(WindlassService.SCHEDULER));
    }

    private void round(String round, String fault, FaultLoad.Fault inject) throws Exception {
        round(round, fault, inject, false);
    }

    /** @param mayStop whether the fault may stop or fail workloads it caught mid-create (an engine restart) */
    private void round(String round, String fault, FaultLoad.Fault inject, boolean mayStop) throws Exception {
        List<DockerCli> engines = List.of(system.docker(), other.docker());
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        long[] faultEnded = new long[1];
        FaultLoad.Result load = new FaultLoad(containers, servers, servers.imageId("busybox:latest"))
                .run(round, CREATES, IN_FLIGHT, () -> {
                    inject.inject();
                    faultEnded[0] = System.nanoTime();
                });
        Map<String, Accepted> accepted = load.accepted().stream()
                .collect(Collectors.toMap(Accepted::uuid, a -> a));
        // the balancer answered for a replica that died under the request: it may have been made
        // all the same (as a client cannot tell either), and then it must settle like the rest
        for (Refused r : load.refused()) {
            if (r.byTheBalancer()) {
                madeByName(r).ifPresent(uuid -> accepted.put(uuid, new Accepted(uuid, r.kind(), r.name())));
            }
        }

        List<String> refusedDeletes = new ArrayList<>();
        try {
            List<Map<String, Object>> ends = new Poller(Duration.ofSeconds(120), Duration.ofMillis(500)).until(
                    "every accepted create of round " + round + " to run or fail with a reason",
                    () -> states(accepted.keySet()), rows -> rows.size() == accepted.size()
                            && rows.stream().allMatch(FaultRoundsST::settled));
            long settledMs = (System.nanoTime() - faultEnded[0]) / 1_000_000;

            List<String> failed = new ArrayList<>();
            for (Map<String, Object> row : ends) {
                if (!List.of("Running", "active").contains(row.get("state"))) {
                    failed.add(accepted.get(row.get("uuid")).name() + " " + row.get("state") + ": " + row.get("reason"));
                }
            }
            Set<String> running = uuidsIn(ends, "Running", "active");
            Set<String> stopped = uuidsIn(ends, "Stopped", "stopped");
            // what holds an engine container and a claim
            Set<String> holding = new HashSet<>(running);
            holding.addAll(stopped);
            EngineCensus census = EngineCensus.of(engines);
            int missing = 0;
            int duplicates = 0;
            for (String uuid : holding) {
                int copies = census.copiesOf(uuid);
                missing += copies == 0 ? 1 : 0;
                duplicates += Math.max(0, copies - 1);
            }
            List<String> orphans = census.orphansSince(started, accepted.keySet());
            long claims = count("select count(*) as n from allocations");
            // a claim on the row's own host for every workload that holds one
            long claimsOnTheirHosts = ends.stream().filter(r -> holding.contains((String) r.get("uuid")))
                    .filter(r -> count("select count(*) as n from allocations where consumer_uuid::text = '"
                            + r.get("uuid") + "' and host = '" + r.get("host") + "'") == 1).count();
            long claimsWithoutRow = count("select count(*) as n from allocations where consumer_uuid::text not in ("
                    + accepted.keySet().stream().map(u -> "'" + u + "'").collect(Collectors.joining(",")) + ")");
            List<String> leftByRefused = load.refused().stream().filter(r -> !r.byTheBalancer())
                    .filter(r -> count("select (select count(*) from containers where name = '" + r.name() + "')"
                            + " + (select count(*) from servers where name = '" + r.name() + "')"
                            + " + (select count(*) from capsules where name = '" + r.name() + "') as n") > 0)
                    .map(Refused::name).toList();

            long byBalancer = load.refused().stream().filter(Refused::byTheBalancer).count();
            System.out.printf("fault round '%s': %d creates, %d accepted, %d refused (%d by the service with 503, %d by "
                            + "the balancer, of which %d made all the same), %d running, %d stopped or in Error by the "
                            + "fault %s, all settled; %d without an engine container, %d duplicated, %d orphaned, "
                            + "%d claims; settled %d ms after the fault%n", fault, CREATES, load.accepted().size(),
                    load.refused().size(), load.refused().size() - byBalancer, byBalancer,
                    accepted.size() - load.accepted().size(), running.size(), failed.size(), failed, missing,
                    duplicates, orphans.size(), claims, settledMs);
            for (String reason : failed) {
                assertTrue(!LEAK.matcher(reason).find(), "a reason that leaks internals: " + reason);
            }
            for (Refused r : load.refused().stream().filter(r -> !r.byTheBalancer()).toList()) {
                assertTrue(r.status() == 503 && (r.body().contains("message") || r.body().contains("detail")),
                        "the service's refusal is a 503 in the family's body, with a request id: " + r);
            }
            if (!mayStop) {
                assertEquals(List.of(), failed, "every accepted create of this round runs");
            }
            assertEquals(0, missing, "workloads without their engine container");
            assertEquals(0, duplicates, "engine containers doubled");
            assertEquals(List.of(), orphans, "engine containers without a row");
            assertEquals(List.of(), leftByRefused, "creates refused with 503 left rows");
            assertEquals(holding.size(), claimsOnTheirHosts, "one claim on its host per running or stopped workload");
            assertEquals(0, claimsWithoutRow, "claims without a workload");
            assertQuotaUsageIsTheRows();
        } finally {
            // whatever the checks found, the next round starts from nothing
            refusedDeletes.addAll(deleteAll(accepted.values()));
        }
        assertEquals(List.of(), refusedDeletes, "deletes refused");
        new Poller(Duration.ofSeconds(90), Duration.ofMillis(500)).until("every claim released",
                () -> count("select count(*) as n from allocations"), n -> n == 0);
        assertQuotaUsageIsTheRows();
    }

    /** The uuid of the workload a create refused by the balancer made anyway, if it did. */
    private static java.util.Optional<String> madeByName(Refused r) {
        String table = switch (r.kind()) {
            case CONTAINER -> "containers";
            case SERVER -> "servers";
            case CAPSULE -> "capsules";
        };
        return system.database().query("select uuid::text as uuid from " + table + " where name = '" + r.name() + "'")
                .stream().map(row -> (String) row.get("uuid")).findFirst();
    }

    private static Set<String> uuidsIn(List<Map<String, Object>> rows, String... states) {
        return rows.stream().filter(r -> List.of(states).contains(r.get("state"))).map(r -> (String) r.get("uuid"))
                .collect(Collectors.toSet());
    }

    /** A final state: running, stopped (Zun's Stopped, Nova's stopped), or Error with a reason; no task in flight. */
    private static boolean settled(Map<String, Object> row) {
        return row.get("task_state") == null
                && List.of("Running", "active", "Stopped", "stopped", "Error", "error").contains(row.get("state"))
                && (!List.of("Error", "error").contains(row.get("state")) || row.get("reason") != null);
    }

    private List<Map<String, Object>> states(Set<String> uuids) {
        String in = uuids.stream().map(u -> "'" + u + "'").collect(Collectors.joining(","));
        return system.database().query("""
                select uuid::text as uuid, status as state, status_reason as reason, task_state, host from containers
                 where uuid::text in (%1$s)
                union all
                select uuid::text, vm_state, fault ->> 'message', task_state, host from servers
                 where uuid::text in (%1$s) and deleted_at is null
                union all
                select uuid::text, status, status_reason, task_state, host from capsules where uuid::text in (%1$s)
                """.formatted(in));
    }

    /** Zun's 'containers' counts containers and the app members of capsules; Nova's 'instances' the live servers. */
    private void assertQuotaUsageIsTheRows() {
        assertEquals(count("""
                select (select count(*) from containers)
                     + (select coalesce(sum(jsonb_array_length(spec -> 'containers')), 0) from capsules) as n"""),
                count("select coalesce(sum(in_use), 0)::bigint as n from quota_usages where resource = 'containers'"),
                "quota usage of 'containers' equals the rows");
        assertEquals(count("select count(*) as n from servers where deleted_at is null"),
                count("select coalesce(sum(in_use), 0)::bigint as n from quota_usages where resource = 'instances'"),
                "quota usage of 'instances' equals the live servers");
    }

    /** Deletes every workload of the round; returns the deletes that were not answered 204. */
    private List<String> deleteAll(Iterable<Accepted> workloads) {
        List<String> refused = new ArrayList<>();
        for (Accepted workload : workloads) {
            Response deleted = switch (workload.kind()) {
                case SERVER -> servers.request().delete("/servers/" + workload.uuid());
                case CONTAINER -> containers.request().queryParam("force", true)
                        .delete("/containers/" + workload.uuid());
                case CAPSULE -> containers.request().delete("/capsules/" + workload.uuid());
            };
            if (deleted.statusCode() != 204) {
                refused.add(workload.kind() + " " + workload.name() + ": " + deleted.statusCode() + " "
                        + deleted.asString());
            }
        }
        return refused;
    }

    private static long count(String sql) {
        return ((Number) system.database().query(sql).getFirst().get("n")).longValue();
    }

    private static void rabbitmq(String command) throws IOException, InterruptedException {
        run("rabbitmqctl", command);
    }

    /** A fast restart, as a failover or an operator's {@code systemctl restart} does: every connection is cut. */
    private static void restartPostgres() throws IOException, InterruptedException {
        String cluster = new String(new ProcessBuilder("pg_lsclusters", "-h").start().getInputStream().readAllBytes())
                .lines().filter(l -> l.contains(" 5432 ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no PostgreSQL cluster on port 5432"));
        String[] f = cluster.trim().split("\\s+");
        run("pg_ctlcluster", "--skip-systemctl-redirect", f[0], f[1], "restart");
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
