package io.windlass.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.conductor.support.EntityRows;
import io.windlass.conductor.support.FakeEdges;
import io.windlass.conductor.support.Poll;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcConnection;
import io.windlass.rpc.RpcHandlerException;
import io.windlass.scheduler.MoveClaim;
import io.windlass.scheduler.SchedulerRpcApi;
import io.windlass.server.persistence.ServerEntity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.windlass.conductor.support.FakeEdges.HOST;
import static io.windlass.conductor.support.FakeEdges.OTHER_HOST;
import static io.windlass.conductor.support.FakeEdges.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Evacuate over real RabbitMQ and PostgreSQL, the scheduler and agents faked at the edge: a server of
 * the down host {@code node-0} is spawned again on {@code node-1}, and {@code node-0}'s copy is
 * removed when that host reports again.
 */
@QuarkusTest
class ServerEvacuationIT {
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
    void theServerIsSpawnedAgainOnAnotherHostAndTheReturningHostsCopyIsRemoved() throws Exception {
        UUID uuid = insertOnDownHost("active");
        conductor.evacuateServer(ctx, new EvacuateServer(uuid.toString(), OTHER_HOST, null, false));

        MoveClaim move = next(edges.moves);
        assertEquals(OTHER_HOST, move.sourceHost());
        assertEquals(uuid.toString(), move.request().consumerUuid());
        assertNull(move.request().requestedHost(), "the boot's forced host is not the evacuation's");
        assertEquals(256, move.request().memoryMb());
        ServerSpec spawned = next(edges.serverSpawns);
        assertEquals(uuid.toString(), spawned.uuid());
        assertEquals("srv", spawned.name());
        assertEquals(Map.of("role", "db"), spawned.metadata());
        assertEquals("aGk=", spawned.userData(), "the same config drive");
        assertFalse(spawned.stopped());
        ServerEntity moved = row(uuid);
        assertEquals(HOST, moved.host);
        assertEquals(ServerTaskState.REBUILD_SPAWNING, moved.taskState);
        assertEquals("nova", moved.availabilityZone);
        assertEquals("pre-migrating " + HOST, migration(uuid), "Nova's record: scheduled to the new host");

        report(uuid, HOST, PowerState.RUNNING, false, true);
        Poll.until("server active on " + HOST, () -> row(uuid).taskState == null);
        assertEquals(VmState.ACTIVE, row(uuid).vmState);
        assertEquals("done " + HOST, migration(uuid));

        // the old host is back: its sync reports the copy it still holds
        report(uuid, OTHER_HOST, PowerState.RUNNING, false, false);
        assertEquals(uuid.toString(), next(edges.otherHostDestroys).uuid());
        report(uuid, OTHER_HOST, PowerState.NOSTATE, true, true);
        ServerEntity after = row(uuid);
        assertEquals(HOST, after.host);
        assertEquals(VmState.ACTIVE, after.vmState);
        assertNull(after.deletedAt);
        assertNull(edges.releases.poll(1, TimeUnit.SECONDS), "the claim is the new host's");
        assertEquals(VmState.ACTIVE, row(uuid).vmState, "nothing the old host said changed the row");
    }

    @Test
    void aStoppedServerOrAnyFrom295IsSpawnedStoppedAndARedeliveryAsksTheNewHostAgain() throws Exception {
        UUID uuid = insertOnDownHost("active");
        conductor.evacuateServer(ctx, new EvacuateServer(uuid.toString(), OTHER_HOST, HOST, true));
        assertEquals(HOST, next(edges.moves).request().requestedHost());
        assertTrue(next(edges.serverSpawns).stopped());
        assertEquals(VmState.STOPPED, row(uuid).vmState);

        conductor.evacuateServer(ctx, new EvacuateServer(uuid.toString(), OTHER_HOST, HOST, true));
        assertTrue(next(edges.serverSpawns).stopped(), "the new host is asked again");
        assertTrue(edges.moves.isEmpty(), "the claim has moved already");

        report(uuid, HOST, PowerState.SHUTDOWN, false, true);
        Poll.until("server stopped on " + HOST, () -> row(uuid).taskState == null);
        assertEquals(VmState.STOPPED, row(uuid).vmState);
    }

    @Test
    void withNoValidHostTheServerStaysWhereAndAsItWasWithTheReason() throws Exception {
        edges.moveAnswer = (c, m) -> {
            throw new RpcHandlerException(SchedulerRpcApi.NO_VALID_HOST, "ComputeFilter removed 2 of 2");
        };
        UUID uuid = insertOnDownHost("stopped");
        conductor.evacuateServer(ctx, new EvacuateServer(uuid.toString(), OTHER_HOST, null, false));
        next(edges.moves);
        Poll.until("evacuation failed", () -> row(uuid).taskState == null);
        ServerEntity failed = row(uuid);
        assertEquals(OTHER_HOST, failed.host);
        assertEquals(VmState.STOPPED, failed.vmState);
        assertEquals("No valid host was found. ComputeFilter removed 2 of 2", failed.fault.get("message"));
        assertTrue(edges.serverSpawns.isEmpty());
        assertEquals("error null", migration(uuid), "as Nova's conductor ends it without a host");
    }

    private void report(UUID uuid, String host, PowerState power, boolean gone, boolean done) {
        conductor.reportServerStatus(ctx, new ServerStatusReport(uuid.toString(), host, power,
                gone ? null : "e-" + host, Map.of(), null, gone, done, Instant.now()));
    }

    /** The evacuation record's status and destination, as "status dest_compute". */
    private String migration(UUID uuid) {
        Object[] r = (Object[]) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select status, dest_compute from migrations where instance_uuid = ?1 and migration_type = 'evacuation'")
                .setParameter(1, uuid).getSingleResult());
        return r[0] + " " + r[1];
    }

    private ServerEntity row(UUID uuid) {
        return entities.get(ServerEntity.class, uuid);
    }

    /** A server launched on {@link FakeEdges#OTHER_HOST}, which went down; the API has accepted its evacuation. */
    private UUID insertOnDownHost(String vmState) {
        UUID uuid = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into servers (uuid, name, project_id, user_id, image_ref, image, flavor_id, flavor_name,
                                             vcpus, memory_mb, root_gb, flavor_extra_specs, metadata, hostname,
                                             reservation_id, vm_state, task_state, network, host, requested_host,
                                             user_data, launched_at, power_state, status_observed_at)
                        values (?1, 'srv', 'p1', 'u1', 'img', 'busybox:latest', '3', 'm1.medium', 2, 256, 3, '{}',
                                '{"role": "db"}', 'srv-host', 'r-abcdefgh', ?2, 'rebuilding', 'none', ?3, ?3, 'aGk=',
                                now() - interval '1 hour', 1, now() + interval '1 hour')""")
                .setParameter(1, uuid).setParameter(2, vmState).setParameter(3, OTHER_HOST).executeUpdate());
        // and its record, as the api-service writes it
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into migrations (uuid, instance_uuid, migration_type, status, source_compute,
                                                source_node, project_id)
                        values (gen_random_uuid(), ?1, 'evacuation', 'accepted', ?2, ?2, 'p1')""")
                .setParameter(1, uuid).setParameter(2, OTHER_HOST).executeUpdate());
        return uuid;
    }
}
