package io.windlass.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.conductor.support.FakeEdges;
import io.windlass.conductor.support.Poll;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcConnection;
import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.SchedulerRpcApi;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.conductor.support.EntityRows;
import io.windlass.rpc.RpcHandlerException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.windlass.conductor.support.FakeEdges.HOST;
import static io.windlass.conductor.support.FakeEdges.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Server build, power actions, reports and delete over real RabbitMQ and PostgreSQL; scheduler and agent faked at the edge. */
@QuarkusTest
class ServerManagerIT {
    private final RequestContext ctx = RequestContext.internal("conductor-it");

    @Inject
    ConductorRpcApi conductor;
    @Inject
    RpcConnection connection;
    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;
    @Inject
    EntityRows entities;

    FakeEdges edges;

    @BeforeEach
    void start() throws Exception {
        edges = new FakeEdges(connection, json);
    }

    @AfterEach
    void stop() {
        edges.close();
    }

    @Test
    void aServerIsScheduledWithItsFlavorSpawnedActivatedStoppedAndDeleted() throws Exception {
        UUID uuid = insert(Map.of("hw:cpu_policy", "shared"));
        conductor.buildServer(ctx, new ServerRef(uuid.toString()));

        ResourceRequest asked = next(edges.selects);
        assertEquals("server", asked.consumerType());
        assertEquals(2, asked.vcpus());
        assertEquals(256, asked.memoryMb());
        assertEquals(3, asked.diskGb());
        assertEquals(Map.of("hw:cpu_policy", "shared"), asked.properties(), "flavor extra specs go to the filters");
        ServerSpec spawned = next(edges.serverSpawns);
        assertEquals(uuid.toString(), spawned.uuid());
        assertEquals("srv-host", spawned.hostname());
        assertEquals("nova", spawned.availabilityZone(), "no zoned aggregate: the default zone");
        assertEquals(Map.of("role", "db"), spawned.metadata());
        assertEquals("none", spawned.network());
        ServerEntity placed = row(uuid);
        assertEquals(HOST, placed.host);
        assertEquals(ServerTaskState.SPAWNING, placed.taskState);

        report(uuid, PowerState.RUNNING, null, false, true);
        Poll.until("server active", () -> row(uuid).vmState == VmState.ACTIVE && row(uuid).taskState == null);
        assertNotNull(row(uuid).launchedAt);
        assertEquals("198.19.0.9", row(uuid).addresses.get("bridge").getFirst().addr());

        setTask(uuid, ServerTaskState.POWERING_OFF);
        conductor.serverAction(ctx, new ServerOperation(uuid.toString(), ServerAction.STOP));
        assertEquals(ServerAction.STOP, next(edges.serverActions).action());
        // the engine's "die" event arrives before the agent's own report: the state waits for the operation
        report(uuid, PowerState.SHUTDOWN, null, false, false);
        Poll.until("event applied", () -> row(uuid).powerState == PowerState.SHUTDOWN);
        assertEquals(VmState.ACTIVE, row(uuid).vmState);
        report(uuid, PowerState.SHUTDOWN, null, false, true);
        Poll.until("server stopped", () -> row(uuid).vmState == VmState.STOPPED && row(uuid).taskState == null);

        setTask(uuid, ServerTaskState.DELETING);
        conductor.deleteServer(ctx, new ServerRef(uuid.toString()));
        assertEquals(uuid.toString(), next(edges.serverDestroys).uuid());
        report(uuid, PowerState.NOSTATE, null, true, true);
        assertEquals(uuid.toString(), next(edges.releases).consumerUuid());
        ServerEntity deleted = row(uuid);
        assertEquals(VmState.DELETED, deleted.vmState);
        assertNotNull(deleted.deletedAt);
        assertNotNull(deleted.terminatedAt);
    }

    @Test
    void noValidHostPutsTheServerInErrorWithTheSchedulersExplanation() throws Exception {
        edges.selectAnswer = (c, r) -> {
            throw new RpcHandlerException(SchedulerRpcApi.NO_VALID_HOST, "RamFilter removed 3 of 3");
        };
        UUID uuid = insert(Map.of());
        conductor.buildServer(ctx, new ServerRef(uuid.toString()));
        next(edges.selects);
        Poll.until("server in error", () -> row(uuid).vmState == VmState.ERROR);
        ServerEntity failed = row(uuid);
        assertNull(failed.taskState);
        assertEquals(500, ((Number) failed.fault.get("code")).intValue());
        assertTrue(String.valueOf(failed.fault.get("message")).startsWith("No valid host was found. "),
                String.valueOf(failed.fault));
        assertTrue(String.valueOf(failed.fault.get("message")).contains("RamFilter removed 3 of 3"));
        assertTrue(edges.serverSpawns.isEmpty());
    }

    @Test
    void aFailedSpawnIsAnErrorWithTheAgentsReasonAndReleasesTheClaim() throws Exception {
        UUID uuid = insert(Map.of());
        conductor.buildServer(ctx, new ServerRef(uuid.toString()));
        next(edges.serverSpawns);
        // as the agent reports a spawn that failed and removed what it made: no engine workload
        conductor.reportServerStatus(ctx, new ServerStatusReport(uuid.toString(), HOST, PowerState.NOSTATE, null,
                Map.of(), "Image nope:latest is not present on host node-1", false, true, Instant.now()));
        assertEquals(uuid.toString(), next(edges.releases).consumerUuid());
        ServerEntity failed = row(uuid);
        assertEquals(VmState.ERROR, failed.vmState);
        assertEquals("Image nope:latest is not present on host node-1", failed.fault.get("message"));
    }

    @Test
    void aServerLostBehindWindlasssBackGoesToError() throws Exception {
        UUID uuid = insert(Map.of());
        conductor.buildServer(ctx, new ServerRef(uuid.toString()));
        next(edges.serverSpawns);
        report(uuid, PowerState.RUNNING, null, false, true);
        Poll.until("server active", () -> row(uuid).vmState == VmState.ACTIVE);
        report(uuid, PowerState.NOSTATE, null, true, false);
        Poll.until("server in error", () -> row(uuid).vmState == VmState.ERROR);
        assertTrue(String.valueOf(row(uuid).fault.get("message")).contains("disappeared"));
        assertNull(row(uuid).deletedAt, "not deleted: the user decides");
    }

    @Test
    void theActionLogGetsTheConductorsAndTheHostsStepsWithTheirResults() throws Exception {
        UUID uuid = insert(Map.of());
        logAction(uuid, "create");
        conductor.buildServer(ctx, new ServerRef(uuid.toString()));
        next(edges.serverSpawns);
        assertEquals(List.of("conductor_schedule_and_build_instances Success null",
                "compute__do_build_and_run_instance null " + HOST), events(uuid));
        report(uuid, PowerState.RUNNING, null, false, true);
        Poll.until("spawn step ended", () -> events(uuid).get(1).equals("compute__do_build_and_run_instance Success "
                + HOST));
        assertNull(actionMessage(uuid));

        // a stop that the host fails ends the action's step in error, with the host's reason
        RequestContext stop = new RequestContext("req-" + UUID.randomUUID(), "req-g", "u1", "p1", List.of("member"));
        logAction(uuid, stop, "stop");
        setTask(uuid, ServerTaskState.POWERING_OFF);
        conductor.serverAction(stop, new ServerOperation(uuid.toString(), ServerAction.STOP));
        next(edges.serverActions);
        conductor.reportServerStatus(stop, new ServerStatusReport(uuid.toString(), HOST, PowerState.RUNNING, "engine-1",
                Map.of(), "Docker stop failed: boom", false, true, Instant.now()));
        Poll.until("stop step failed", () -> eventsOf(stop.requestId()).equals(List.of(
                "compute_stop_instance Error " + HOST)));
        assertEquals("Error", QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select message from workload_actions where request_id = ?1").setParameter(1, stop.requestId())
                .getSingleResult()));
        assertEquals("Docker stop failed: boom", QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select e.traceback from workload_action_events e join workload_actions a on a.id = e.action_id "
                        + "where a.request_id = ?1").setParameter(1, stop.requestId()).getSingleResult()));
    }

    @Test
    void noValidHostEndsTheSchedulingStepInError() throws Exception {
        edges.selectAnswer = (c, r) -> {
            throw new RpcHandlerException(SchedulerRpcApi.NO_VALID_HOST, "RamFilter removed 3 of 3");
        };
        UUID uuid = insert(Map.of());
        logAction(uuid, "create");
        conductor.buildServer(ctx, new ServerRef(uuid.toString()));
        next(edges.selects);
        Poll.until("scheduling step failed", () -> events(uuid).equals(List.of(
                "conductor_schedule_and_build_instances Error null")));
        assertEquals("Error", actionMessage(uuid));
    }

    @Test
    void aRebuildReplacesTheWorkloadOnItsHostAndTheOldOnesRemovalIsNoLoss() throws Exception {
        UUID uuid = insert(Map.of());
        conductor.buildServer(ctx, new ServerRef(uuid.toString()));
        next(edges.serverSpawns);
        report(uuid, PowerState.RUNNING, null, false, true);
        Poll.until("server active", () -> row(uuid).vmState == VmState.ACTIVE && row(uuid).taskState == null);

        // as the api-service leaves the row when it accepts a rebuild
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update servers set task_state = "
                + "'rebuilding', image = 'alpine:3', name = 'srv-2' where uuid = ?1").setParameter(1, uuid)
                .executeUpdate());
        conductor.rebuildServer(ctx, new ServerRef(uuid.toString()));
        ServerSpec rebuilt = next(edges.serverRebuilds);
        assertEquals(uuid.toString(), rebuilt.uuid());
        assertEquals("alpine:3", rebuilt.image());
        assertEquals("srv-2", rebuilt.name());
        // the engine's event for the old container's removal comes before the rebuild's own report
        report(uuid, PowerState.NOSTATE, null, true, false);
        Thread.sleep(300);
        assertEquals(VmState.ACTIVE, row(uuid).vmState, "the old workload's removal is a step of the rebuild");
        assertEquals(ServerTaskState.REBUILDING, row(uuid).taskState);
        assertEquals(HOST, row(uuid).host);
        report(uuid, PowerState.RUNNING, null, false, true);
        Poll.until("rebuilt", () -> row(uuid).vmState == VmState.ACTIVE && row(uuid).taskState == null);

        // a rebuild the host fails leaves the server in error, still on its host with its claim
        setTask(uuid, ServerTaskState.REBUILDING);
        conductor.rebuildServer(ctx, new ServerRef(uuid.toString()));
        next(edges.serverRebuilds);
        report(uuid, PowerState.NOSTATE, "Image nope:1 is not present on host node-1", false, true);
        Poll.until("rebuild failed", () -> row(uuid).vmState == VmState.ERROR && row(uuid).taskState == null);
        assertEquals(HOST, row(uuid).host);
        assertTrue(edges.releases.isEmpty(), "the claim stays: a rebuild again may mend it");
    }

    @Test
    void suspendGoesToTheHostAsItsOwnMethodAndAFrozenGuestIsThenSuspended() throws Exception {
        UUID uuid = insert(Map.of());
        conductor.buildServer(ctx, new ServerRef(uuid.toString()));
        next(edges.serverSpawns);
        report(uuid, PowerState.RUNNING, null, false, true);
        Poll.until("server active", () -> row(uuid).vmState == VmState.ACTIVE && row(uuid).taskState == null);
        setTask(uuid, ServerTaskState.SUSPENDING);
        conductor.suspendServer(ctx, new ServerRef(uuid.toString()));
        assertEquals(uuid.toString(), next(edges.serverSuspends).uuid());
        report(uuid, PowerState.PAUSED, null, false, true);
        Poll.until("suspended", () -> row(uuid).vmState == VmState.SUSPENDED && row(uuid).taskState == null);
        assertEquals(PowerState.SUSPENDED, row(uuid).powerState);
        // the periodic sync sees the frozen guest as paused: still suspended
        report(uuid, PowerState.PAUSED, null, false, false);
        Thread.sleep(300);
        assertEquals(VmState.SUSPENDED, row(uuid).vmState);
    }

    @Test
    void aRescueGoesToTheHostWithItsImageAndTheServerIsRescuedUntilUnrescued() throws Exception {
        UUID uuid = insert(Map.of());
        conductor.buildServer(ctx, new ServerRef(uuid.toString()));
        next(edges.serverSpawns);
        report(uuid, PowerState.RUNNING, null, false, true);
        Poll.until("server active", () -> row(uuid).vmState == VmState.ACTIVE && row(uuid).taskState == null);
        logAction(uuid, "rescue");
        setTask(uuid, ServerTaskState.RESCUING);
        conductor.rescueServer(ctx, new RescueServer(uuid.toString(), "rescue-image:1"));
        assertEquals(new RescueServer(uuid.toString(), "rescue-image:1"), next(edges.serverRescues));
        report(uuid, PowerState.RUNNING, null, false, true);
        Poll.until("rescued", () -> row(uuid).vmState == VmState.RESCUED && row(uuid).taskState == null);
        assertEquals(PowerState.RUNNING, row(uuid).powerState);
        assertTrue(events(uuid).stream().anyMatch(e -> e.startsWith("compute_rescue_instance Success")), events(uuid).toString());
        // the sync sees the rescue system stopped (its shell ended): still rescued
        report(uuid, PowerState.SHUTDOWN, null, false, false);
        Thread.sleep(300);
        assertEquals(VmState.RESCUED, row(uuid).vmState);

        setTask(uuid, ServerTaskState.UNRESCUING);
        conductor.unrescueServer(ctx, new ServerRef(uuid.toString()));
        assertEquals(uuid.toString(), next(edges.serverUnrescues).uuid());
        report(uuid, PowerState.RUNNING, null, false, true);
        Poll.until("active again", () -> row(uuid).vmState == VmState.ACTIVE && row(uuid).taskState == null);

        // a rescue the host finished after the reconciler cleared its task: the host's word decides
        conductor.reportServerStatus(ctx, new ServerStatusReport(uuid.toString(), HOST, PowerState.RUNNING,
                "engine-1", Map.of(), null, false, true, Instant.now(), true));
        Poll.until("rescued by the host's word", () -> row(uuid).vmState == VmState.RESCUED);
        conductor.reportServerStatus(ctx, new ServerStatusReport(uuid.toString(), HOST, PowerState.RUNNING,
                "engine-1", Map.of(), null, false, false, Instant.now(), false));
        Poll.until("no rescue system: active", () -> row(uuid).vmState == VmState.ACTIVE);
    }

    /** What the api-service records when it accepts a request. */
    private void logAction(UUID uuid, String action) {
        logAction(uuid, ctx, action);
    }

    private void logAction(UUID uuid, RequestContext request, String action) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into workload_actions (kind, workload_uuid, request_id, action, project_id, user_id)
                        values ('server', ?1, ?2, ?3, 'p1', 'u1')""")
                .setParameter(1, uuid).setParameter(2, request.requestId()).setParameter(3, action).executeUpdate());
    }

    /** The workload's events as "name result host", in the order they began. */
    @SuppressWarnings("unchecked")
    private List<String> events(UUID uuid) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object[]>) em.createNativeQuery("""
                        select e.event, e.result, e.host from workload_action_events e
                        join workload_actions a on a.id = e.action_id where a.workload_uuid = ?1
                        order by e.start_time, e.id""").setParameter(1, uuid).getResultList())
                .stream().map(r -> r[0] + " " + r[1] + " " + r[2]).toList());
    }

    @SuppressWarnings("unchecked")
    private List<String> eventsOf(String requestId) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object[]>) em.createNativeQuery("""
                        select e.event, e.result, e.host from workload_action_events e
                        join workload_actions a on a.id = e.action_id where a.request_id = ?1
                        order by e.start_time, e.id""").setParameter(1, requestId).getResultList())
                .stream().map(r -> r[0] + " " + r[1] + " " + r[2]).toList());
    }

    private String actionMessage(UUID uuid) {
        return (String) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select message from workload_actions where workload_uuid = ?1 and request_id = ?2")
                .setParameter(1, uuid).setParameter(2, ctx.requestId()).getSingleResult());
    }

    private void report(UUID uuid, PowerState power, String fault, boolean gone, boolean done) {
        conductor.reportServerStatus(ctx, new ServerStatusReport(uuid.toString(), HOST, power, "engine-1",
                Map.of("bridge", List.of(new ServerAddress("198.19.0.9", 4, "02:42:ac:11:00:09"))), fault, gone, done,
                Instant.now()));
    }

    /** The task state the api-service writes when it accepts an action. */
    private void setTask(UUID uuid, ServerTaskState task) {
        entities.change(ServerEntity.class, uuid, s -> s.taskState = task);
    }

    private ServerEntity row(UUID uuid) {
        return entities.get(ServerEntity.class, uuid);
    }

    private UUID insert(Map<String, String> extraSpecs) throws Exception {
        UUID uuid = UUID.randomUUID();
        String specs = json.writeValueAsString(extraSpecs);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into servers (uuid, name, project_id, user_id, image_ref, image, flavor_id, flavor_name,
                                             vcpus, memory_mb, root_gb, flavor_extra_specs, metadata, hostname,
                                             reservation_id, vm_state, task_state, network)
                        values (?1, 'srv', 'p1', 'u1', 'img', 'busybox:latest', '3', 'm1.medium', 2, 256, 3,
                                cast(?2 as jsonb), '{"role": "db"}', 'srv-host', 'r-abcdefgh', 'building',
                                'scheduling', 'none')""")
                .setParameter(1, uuid).setParameter(2, specs).executeUpdate());
        return uuid;
    }
}
