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
import io.windlass.scheduler.ResizeClaim;
import io.windlass.scheduler.MoveClaim;
import io.windlass.scheduler.SchedulerRpcApi;
import io.windlass.server.persistence.ServerEntity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.windlass.conductor.support.FakeEdges.HOST;
import static io.windlass.conductor.support.FakeEdges.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Resize on the server's host over real RabbitMQ and PostgreSQL, scheduler and agent faked at the
 * edge: the claim holds the larger flavor until a confirm or revert; a refused step leaves the
 * server as it was. Each resize's migration record follows it through Nova's statuses.
 */
@QuarkusTest
class ServerResizeIT {
    private final RequestContext ctx = RequestContext.internal("conductor-it");
    private static final FlavorSnapshot BIG = new FlavorSnapshot("4", "m1.large", 4, 1024, 10, 0, 0, Map.of());

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
    @Inject
    io.windlass.workload.Reconciler reconciler;

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
    void aResizeIsAppliedLiveThenConfirmedOrReverted() throws Exception {
        UUID uuid = activeServer();
        askResize(uuid);
        conductor.resizeServer(ctx, new ServerRef(uuid.toString()));
        ResizeClaim grown = next(edges.resizeClaims);
        assertEquals(4, grown.vcpus(), "the larger of both flavors");
        assertEquals(1024, grown.memoryMb());
        ResizeServer applied = next(edges.serverResizes);
        assertEquals(new ResizeServer(uuid.toString(), 4, 1024), applied);
        Poll.until("resized", () -> row(uuid).vmState == VmState.RESIZED && row(uuid).taskState == null);
        ServerEntity resized = row(uuid);
        assertEquals("m1.large", resized.flavorName);
        assertEquals(4, resized.vcpus);
        assertEquals("m1.medium", resized.oldFlavor.name());
        assertNull(resized.newFlavor);
        assertEquals(List.of("finished"), migrations(uuid));

        // revert: the host first, then the claim back to the old flavor
        setTask(uuid, ServerTaskState.RESIZE_REVERTING);
        markMigration(uuid, "reverting");
        conductor.revertResize(ctx, new ServerRef(uuid.toString()));
        assertEquals(new ResizeServer(uuid.toString(), 2, 256), next(edges.serverResizes));
        assertEquals(2, next(edges.resizeClaims).vcpus());
        Poll.until("reverted", () -> row(uuid).vmState == VmState.ACTIVE && row(uuid).taskState == null);
        assertEquals("m1.medium", row(uuid).flavorName);
        assertNull(row(uuid).oldFlavor);
        assertEquals(List.of("reverted"), migrations(uuid));

        // again, and confirmed: the claim shrinks to the new flavor, nothing changes on the host
        askResize(uuid);
        conductor.resizeServer(ctx, new ServerRef(uuid.toString()));
        next(edges.resizeClaims);
        next(edges.serverResizes);
        Poll.until("resized again", () -> row(uuid).vmState == VmState.RESIZED && row(uuid).taskState == null);
        setTask(uuid, ServerTaskState.RESIZE_CONFIRMING);
        markMigration(uuid, "confirming");
        conductor.confirmResize(ctx, new ServerRef(uuid.toString()));
        ResizeClaim kept = next(edges.resizeClaims);
        assertEquals(4, kept.vcpus());
        Poll.until("confirmed", () -> row(uuid).vmState == VmState.ACTIVE && row(uuid).taskState == null);
        assertEquals("m1.large", row(uuid).flavorName);
        assertNull(row(uuid).oldFlavor);
        assertTrue(edges.serverResizes.isEmpty(), "a confirm changes nothing on the host");
        assertEquals(List.of("reverted", "confirmed"), migrations(uuid));
    }

    @Test
    void aClaimNoHostCanHoldOrALimitTheEngineRefusesLeavesTheServerAsItWas() throws Exception {
        UUID uuid = activeServer();
        edges.resizeClaimAnswer = (c, r) -> {
            if (r.vcpus() > 2) {
                throw new RpcHandlerException(SchedulerRpcApi.RESOURCES_UNAVAILABLE, "node-1 has 1 vCPU free");
            }
            return null;
        };
        // no room here: the resize looks for another host, and none has room either
        edges.moveAnswer = (c, m) -> {
            throw new RpcHandlerException(SchedulerRpcApi.NO_VALID_HOST, "There are not enough hosts available.");
        };
        askResize(uuid);
        conductor.resizeServer(ctx, new ServerRef(uuid.toString()));
        next(edges.resizeClaims);
        MoveClaim move = next(edges.moves);
        assertEquals(4, move.request().vcpus(), "the new flavor, on another host");
        assertEquals(HOST, move.sourceHost());
        Poll.until("resize abandoned", () -> row(uuid).taskState == null);
        assertEquals(VmState.ACTIVE, row(uuid).vmState);
        assertEquals("m1.medium", row(uuid).flavorName);
        assertNull(row(uuid).newFlavor);
        assertTrue(String.valueOf(row(uuid).fault.get("message")).contains("No valid host was found."),
                String.valueOf(row(uuid).fault));
        assertTrue(edges.serverResizes.isEmpty());
        assertEquals(List.of("error"), migrations(uuid));

        edges.resizeClaimAnswer = (c, r) -> null;
        edges.serverResizeAnswer = (c, r) -> {
            throw new RpcHandlerException("EngineError", "Minimum memory limit can not be less than usage");
        };
        askResize(uuid);
        conductor.resizeServer(ctx, new ServerRef(uuid.toString()));
        next(edges.resizeClaims);
        next(edges.serverResizes);
        assertEquals(2, next(edges.resizeClaims).vcpus(), "the claim is put back");
        Poll.until("resize abandoned", () -> row(uuid).taskState == null);
        assertEquals(VmState.ACTIVE, row(uuid).vmState);
        assertEquals(2, row(uuid).vcpus);
        assertEquals(List.of("error", "error"), migrations(uuid));
    }

    @Test
    void aResizeWhoseTaskTheReconcilerClearsEndsItsMigrationRecordInError() throws Exception {
        UUID uuid = activeServer();
        askResize(uuid);
        // nobody ever handled the resize: its task went stale
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update servers set updated_at = "
                + "now() - interval '11 minutes' where uuid = ?1").setParameter(1, uuid).executeUpdate());
        reconciler.reconcile();
        assertNull(row(uuid).taskState);
        assertEquals(List.of("error"), migrations(uuid));
    }

    /** As the api-service leaves the row when it accepts a resize to m1.large. */
    private void askResize(UUID uuid) throws Exception {
        String target = json.writeValueAsString(BIG);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update servers set task_state = "
                + "'resize_prep', new_flavor = cast(?2 as jsonb) where uuid = ?1").setParameter(1, uuid)
                .setParameter(2, target).executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into migrations (uuid, instance_uuid, "
                + "status, source_compute, dest_compute, project_id) values (gen_random_uuid(), ?1, 'pre-migrating', "
                + "?2, ?2, 'p1')").setParameter(1, uuid).setParameter(2, HOST).executeUpdate());
    }

    /** As the api-service marks the record when it accepts a confirm or revert. */
    private void markMigration(UUID uuid, String status) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update migrations set status = ?2 "
                + "where instance_uuid = ?1 and status = 'finished'").setParameter(1, uuid).setParameter(2, status)
                .executeUpdate());
    }

    /** The statuses of the server's migration records, oldest first. */
    @SuppressWarnings("unchecked")
    private List<String> migrations(UUID uuid) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select status from migrations "
                + "where instance_uuid = ?1 order by id").setParameter(1, uuid).getResultList());
    }

    private void setTask(UUID uuid, ServerTaskState task) {
        entities.change(ServerEntity.class, uuid, s -> s.taskState = task);
    }

    private ServerEntity row(UUID uuid) {
        return entities.get(ServerEntity.class, uuid);
    }

    private UUID activeServer() {
        UUID uuid = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into servers (uuid, name, project_id, user_id, image_ref, image, flavor_id, flavor_name,
                                             vcpus, memory_mb, root_gb, flavor_extra_specs, metadata, hostname,
                                             reservation_id, vm_state, power_state, network, host)
                        values (?1, 'srv', 'p1', 'u1', 'img', 'busybox:latest', '3', 'm1.medium', 2, 256, 3,
                                '{}', '{}', 'srv-host', 'r-abcdefgh', 'active', 1, 'none', ?2)""")
                .setParameter(1, uuid).setParameter(2, HOST).executeUpdate());
        return uuid;
    }
}
