package io.windlass.workload;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.conductor.support.ContainerRows;
import io.windlass.conductor.support.FakeEdges;
import io.windlass.conductor.support.Poll;
import io.windlass.container.ContainerStatus;
import io.windlass.container.ContainerStatusReport;
import io.windlass.container.ContainerManager;
import io.windlass.context.RequestContext;
import io.windlass.host.HostState;
import io.windlass.rpc.RpcConnection;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Heartbeats into compute_hosts and the reconciliation of silent hosts and stuck rows. */
@QuarkusTest
class ReconcilerIT {
    private final RequestContext ctx = RequestContext.internal("reconcile-it");

    @Inject
    ConductorRpcApi conductor;
    @Inject
    Reconciler reconciler;
    @Inject
    ContainerManager containers;
    @Inject
    ContainerRows rows;
    @Inject
    RpcConnection connection;
    @Inject
    ObjectMapper json;

    @BeforeEach
    void clean() {
        rows.clear();
    }

    @Test
    void heartbeatCreatesThenUpdatesTheHostWithoutTouchingClaims() {
        conductor.reportHostState(ctx, new HostState("hb-1", "docker", 4, 8192, 100, 1, 2,
                List.of("busybox:latest"), Instant.now()));
        Poll.until("host row", () -> rows.host("hb-1") != null);
        rows.update("UPDATE compute_hosts SET vcpus_used = 1.5, memory_mb_used = 512, disabled = true, "
                + "last_heartbeat_at = now() - interval '1 hour' WHERE host = 'hb-1'");

        assertNull(rows.host("hb-1").get("runtimes"), "a 1.10 heartbeat reports no runtimes");
        conductor.reportHostState(ctx, new HostState("hb-1", "docker", 8, 16384, 200, 3, 4, List.of(),
                Instant.now(), null, List.of("runc", "runsc"), 6));
        Poll.until("inventory updated", () -> "16384".equals(rows.host("hb-1").get("memory_mb")));
        Map<String, String> host = rows.host("hb-1");
        assertEquals("[\"runc\", \"runsc\"]", host.get("runtimes"));
        assertEquals("6", host.get("free_dedicated_cpus"));
        assertEquals(8.0, Double.parseDouble(host.get("vcpus")));
        assertEquals("3", host.get("running_workloads"));
        assertEquals(1.5, Double.parseDouble(host.get("vcpus_used")));
        assertEquals("512", host.get("memory_mb_used"));
        assertEquals("t", host.get("disabled"));
        assertTrue(Double.parseDouble(host.get("age")) < 60, "heartbeat refreshed");
    }

    @Test
    void containersOfASilentHostBecomeUnknownUntilTheAgentReportsAgain() {
        rows.insertHost("silent", 300);
        rows.insertHost("alive", 0);
        UUID lost = rows.insert("Running", "silent");
        UUID deleting = rows.insert("Deleting", "silent");
        UUID fine = rows.insert("Running", "alive");

        ReconcileRound round = reconciler.reconcile();

        assertTrue(round.ran());
        assertEquals(List.of(lost.toString()), round.repaired("container", Repair.MARK_UNKNOWN));
        assertEquals("Unknown", rows.container(lost).get("status"));
        assertEquals("Host silent stopped reporting", rows.container(lost).get("status_reason"));
        assertEquals("Deleting", rows.container(deleting).get("status"));
        assertEquals("Running", rows.container(fine).get("status"));

        containers.report(ctx, new ContainerStatusReport(lost.toString(), "silent", ContainerStatus.RUNNING, null,
                "Up 2 hours", "e1", Map.of(), List.of(), List.of("sh"), false, false, Instant.now()));
        assertEquals("Running", rows.container(lost).get("status"));
    }

    @Test
    void unscheduledRowsTimeOutAndStaleTaskStatesAreCleared() {
        UUID stuck = rows.insert("Creating", null);
        UUID fresh = rows.insert("Creating", null);
        UUID busy = rows.insert("Running", "h");
        rows.update("UPDATE containers SET created_at = now() - interval '6 minutes' WHERE uuid = '" + stuck + "'");
        rows.update("UPDATE containers SET task_state = 'container_stopping', "
                + "updated_at = now() - interval '11 minutes' WHERE uuid = '" + busy + "'");

        ReconcileRound round = reconciler.reconcile();

        assertEquals(List.of(stuck.toString()), round.repaired("container", Repair.FAIL_UNSCHEDULED));
        assertEquals("Error", rows.container(stuck).get("status"));
        assertEquals("Container was not scheduled in time", rows.container(stuck).get("status_reason"));
        assertEquals("Creating", rows.container(fresh).get("status"));
        assertEquals(List.of(busy.toString()), round.repaired("container", Repair.CLEAR_STALE_TASK));
        assertEquals(null, rows.container(busy).get("task_state"));
    }

    @Test
    void capsulesAreReconciledLikeContainers() {
        rows.insertHost("silent", 300);
        UUID stuck = rows.insertCapsule("Creating", null);
        UUID onSilentHost = rows.insertCapsule("Running", "silent");
        rows.update("UPDATE capsules SET created_at = now() - interval '6 minutes' WHERE uuid = '" + stuck + "'");

        ReconcileRound round = reconciler.reconcile();

        assertEquals(List.of(stuck.toString()), round.repaired("capsule", Repair.FAIL_UNSCHEDULED));
        assertEquals("Error", rows.capsule(stuck).get("status"));
        assertEquals("Capsule was not scheduled in time", rows.capsule(stuck).get("status_reason"));
        assertEquals(List.of(onSilentHost.toString()), round.repaired("capsule", Repair.MARK_UNKNOWN));
        assertEquals("Unknown", rows.capsule(onSilentHost).get("status"));
    }

    @Test
    void aCreateItsHostNeverAnsweredFailsInsteadOfStayingCreating() {
        rows.insertHost("alive", 0);
        UUID dropped = rows.insert("Creating", "alive");
        rows.update("UPDATE containers SET task_state = 'container_creating', "
                + "updated_at = now() - interval '11 minutes' WHERE uuid = '" + dropped + "'");

        ReconcileRound round = reconciler.reconcile();

        assertEquals(List.of(dropped.toString()), round.repaired("container", Repair.FAIL_NOT_CREATED));
        Map<String, String> row = rows.container(dropped);
        assertEquals("Error", row.get("status"));
        assertEquals("Container was not created on host alive within 600 s", row.get("status_reason"));
        assertEquals("alive", row.get("host"), "the host stays, so a delete reaches whatever it made");
        assertEquals(null, row.get("task_state"));
    }

    @Test
    void aDeleteItsHostNeverAnsweredIsAskedAgain() throws Exception {
        try (FakeEdges edges = new FakeEdges(connection, json)) {
            rows.insertHost(FakeEdges.HOST, 0);
            UUID deleting = rows.insert("Deleting", FakeEdges.HOST);
            rows.update("UPDATE containers SET task_state = 'container_deleting', "
                    + "updated_at = now() - interval '11 minutes' WHERE uuid = '" + deleting + "'");

            ReconcileRound round = reconciler.reconcile();

            assertEquals(List.of(deleting.toString()), round.repaired("container", Repair.RESEND_DELETE));
            assertEquals(deleting.toString(), FakeEdges.next(edges.deletes).uuid());
            assertEquals(List.of(), reconciler.reconcile().repaired("container", Repair.RESEND_DELETE),
                    "asked again one task timeout later, not every round");
        }
    }

    @Test
    void aCreateItsLiveHostHasNotAnsweredIsSentAgainAsFirstAsked() throws Exception {
        try (FakeEdges edges = new FakeEdges(connection, json)) {
            rows.insertHost(FakeEdges.HOST, 0);
            UUID quiet = rows.insert("Creating", FakeEdges.HOST);
            rows.update("UPDATE containers SET task_state = 'container_creating', run = false, "
                    + "updated_at = now() - interval '2 minutes' WHERE uuid = '" + quiet + "'");

            ReconcileRound round = reconciler.reconcile();

            assertEquals(List.of(quiet.toString()), round.repaired("container", Repair.RESEND_CREATE));
            var create = FakeEdges.next(edges.creates);
            assertEquals(quiet.toString(), create.spec().uuid());
            assertEquals(false, create.run(), "a create-only request is not started by the second ask");
            assertEquals(List.of(), reconciler.reconcile().repaired("container", Repair.RESEND_CREATE),
                    "asked again one period later, not every round");
            assertEquals("Creating", rows.container(quiet).get("status"));

            // it runs, but the report that ended its create was lost: asked again as well
            UUID running = rows.insert("Running", FakeEdges.HOST);
            rows.update("UPDATE containers SET task_state = 'container_creating', "
                    + "updated_at = now() - interval '2 minutes' WHERE uuid = '" + running + "'");
            assertEquals(List.of(running.toString()), reconciler.reconcile().repaired("container",
                    Repair.RESEND_CREATE));
            assertEquals(running.toString(), FakeEdges.next(edges.creates).spec().uuid());
        }
    }
}
