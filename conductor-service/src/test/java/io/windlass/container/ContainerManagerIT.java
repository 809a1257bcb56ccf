package io.windlass.container;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.conductor.ConductorRpcApi.BuildContainer;
import io.windlass.conductor.support.ContainerRows;
import io.windlass.conductor.support.FakeEdges;
import io.windlass.conductor.support.Poll;
import io.windlass.container.ContainerAction;
import io.windlass.container.ContainerAddress;
import io.windlass.container.ContainerOperation;
import io.windlass.container.ContainerSpec;
import io.windlass.container.ContainerStatus;
import io.windlass.container.ContainerStatusReport;
import io.windlass.container.CreateContainer;
import io.windlass.container.DeleteContainer;
import io.windlass.container.ResizeContainer;
import io.windlass.container.RestartPolicy;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RemoteException;
import io.windlass.rpc.RpcConnection;
import io.windlass.rpc.RpcHandlerException;
import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.SchedulerRpcApi;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.windlass.conductor.support.FakeEdges.HOST;
import static io.windlass.conductor.support.FakeEdges.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The conductor's workflows over real RabbitMQ and PostgreSQL, with the scheduler and agent faked at the edge. */
@QuarkusTest
class ContainerManagerIT {
    private final RequestContext ctx = RequestContext.internal("conductor-it");

    @Inject
    ConductorRpcApi conductor;
    @Inject
    ContainerManager containers;
    @Inject
    ContainerRows rows;
    @Inject
    RpcConnection connection;
    @Inject
    ObjectMapper json;

    FakeEdges edges;

    @BeforeEach
    void start() throws Exception {
        rows.clear();
        edges = new FakeEdges(connection, json);
    }

    @AfterEach
    void stop() {
        edges.close();
    }

    @Test
    void buildSchedulesRecordsTheHostAndCastsCreate() throws Exception {
        UUID uuid = rows.insert("Creating", null);
        conductor.buildContainer(ctx, new BuildContainer(uuid.toString(), true));

        ResourceRequest asked = next(edges.selects);
        assertEquals(new ResourceRequest(uuid.toString(), "container", "p1", 0.5, 256, 1, null, null,
                Map.of("tier", "web")), asked);
        CreateContainer create = next(edges.creates);
        ContainerSpec spec = create.spec();
        assertTrue(create.run());
        assertEquals(uuid.toString(), spec.uuid());
        assertEquals("busybox", spec.image());
        assertEquals(256, spec.memoryMb());
        assertEquals(0.5, spec.cpu());
        assertEquals(new RestartPolicy("on-failure", 3), spec.restartPolicy());
        assertEquals(Map.of("A", "1"), spec.environment());
        assertEquals("p1", spec.projectId());
        Map<String, String> row = rows.container(uuid);
        assertEquals(HOST, row.get("host"));
        assertEquals("container_creating", row.get("task_state"));
        assertEquals("Creating", row.get("status"));
    }

    @Test
    void buildPassesTheZoneAndHintsToTheScheduler() throws Exception {
        UUID uuid = rows.insert("Creating", null);
        rows.update("UPDATE containers SET availability_zone = 'az1', "
                + "scheduler_hints = '{\"different_host\": [\"0b6b4f7e-2c3a-4c86-9f3e-5b9c1e0f6a11\"]}' "
                + "WHERE uuid = '" + uuid + "'");
        conductor.buildContainer(ctx, new BuildContainer(uuid.toString(), true));

        ResourceRequest asked = next(edges.selects);
        assertEquals("az1", asked.availabilityZone());
        assertEquals(List.of("0b6b4f7e-2c3a-4c86-9f3e-5b9c1e0f6a11"), asked.hint(ResourceRequest.DIFFERENT_HOST));
        assertEquals(Map.of("tier", "web"), asked.properties());
        next(edges.creates);
    }

    @Test
    void redeliveredBuildGoesToTheSameHost() throws Exception {
        UUID uuid = rows.insert("Creating", null);
        conductor.buildContainer(ctx, new BuildContainer(uuid.toString(), false));
        conductor.buildContainer(ctx, new BuildContainer(uuid.toString(), false));

        assertEquals(next(edges.selects).consumerUuid(), next(edges.selects).consumerUuid());
        assertEquals(uuid.toString(), next(edges.creates).spec().uuid());
        assertEquals(uuid.toString(), next(edges.creates).spec().uuid());
        assertNull(edges.creates.poll(300, TimeUnit.MILLISECONDS));
        assertEquals(HOST, rows.container(uuid).get("host"));
    }

    @Test
    void noValidHostPutsTheRowInErrorWithTheSchedulersReason() {
        String why = "There are not enough hosts available. 2 hosts: ResourceFilter removed 2 of 2";
        edges.selectAnswer = (c, r) -> {
            throw new RpcHandlerException(SchedulerRpcApi.NO_VALID_HOST, why);
        };
        UUID uuid = rows.insert("Creating", null);
        conductor.buildContainer(ctx, new BuildContainer(uuid.toString(), true));

        Poll.until("row in Error", () -> "Error".equals(rows.container(uuid).get("status")));
        Map<String, String> row = rows.container(uuid);
        assertEquals(why, row.get("status_reason"));
        assertNull(row.get("task_state"));
        assertNull(row.get("host"));
        assertTrue(edges.creates.isEmpty());
    }

    @Test
    void buildOfARowNoLongerCreatingDoesNothing() throws Exception {
        UUID uuid = rows.insert("Running", HOST);
        conductor.buildContainer(ctx, new BuildContainer(uuid.toString(), true));
        assertNull(edges.selects.poll(500, TimeUnit.MILLISECONDS));
    }

    @Test
    void reportIsAppliedAndAStaleOneIgnored() {
        UUID uuid = rows.insert("Creating", HOST);
        rows.update("UPDATE containers SET task_state = 'container_creating' WHERE uuid = '" + uuid + "'");
        Instant seen = Instant.parse("2030-01-01T10:00:00Z");

        containers.report(ctx, report(uuid, ContainerStatus.RUNNING, "abc123", false, true, seen));
        Map<String, String> row = rows.container(uuid);
        assertEquals("Running", row.get("status"));
        assertEquals("abc123", row.get("engine_id"));
        assertEquals("Up 1 second", row.get("status_detail"));
        assertNull(row.get("task_state"));
        assertTrue(row.get("command").contains("sh"), "image default command written back: " + row.get("command"));
        assertTrue(row.get("ports").contains("80"));

        containers.report(ctx, report(uuid, ContainerStatus.STOPPED, "abc123", false, false, seen.minusSeconds(5)));
        assertEquals("Running", rows.container(uuid).get("status"));
    }

    @Test
    void laterReportReplacesTheAddressesAndPortsSeenBefore() {
        // the JSON columns are immutable to Hibernate (ContainerRecord): a new value must still be saved
        UUID uuid = rows.insert("Creating", HOST);
        Instant seen = Instant.parse("2030-01-01T10:00:00Z");
        containers.report(ctx, report(uuid, ContainerStatus.RUNNING, "abc123", false, true, seen));

        containers.report(ctx, new ContainerStatusReport(uuid.toString(), HOST, ContainerStatus.RUNNING, null,
                "Up 2 seconds", "abc123", Map.of("net-1", List.of(new ContainerAddress("198.18.10.7", 4, "port-1", null,
                false))), List.of(80, 443), List.of("sh"), false, false, seen.plusSeconds(1)));

        Map<String, String> row = rows.container(uuid);
        assertTrue(row.get("ports").contains("443"), "ports replaced: " + row.get("ports"));
        assertTrue(row.get("addresses").contains("198.18.10.7"), "addresses replaced: " + row.get("addresses"));
        assertEquals("Up 2 seconds", row.get("status_detail"));
    }

    @Test
    void operationDoneReportOvertakenByAnEngineEventStillClearsTheTaskState() {
        UUID uuid = rows.insert("Creating", HOST);
        rows.update("UPDATE containers SET task_state = 'container_creating' WHERE uuid = '" + uuid + "'");
        Instant created = Instant.parse("2030-01-01T10:00:00Z");

        // the engine's "start" event was inspected after the agent's own post-create inspection
        containers.report(ctx, report(uuid, ContainerStatus.RUNNING, "abc123", false, false, created.plusMillis(5)));
        assertEquals("container_creating", rows.container(uuid).get("task_state"));
        containers.report(ctx, report(uuid, ContainerStatus.CREATED, "abc123", false, true, created));

        Map<String, String> row = rows.container(uuid);
        assertEquals("Running", row.get("status"), "the older state is not applied");
        assertNull(row.get("task_state"), "but the operation it reports is over");
    }

    @Test
    void goneAfterDeletingDeletesTheRowAndReleasesTheClaim() throws Exception {
        UUID uuid = rows.insert("Deleting", HOST);
        conductor.deleteContainer(ctx, new DeleteContainer(uuid.toString(), false, true));
        assertEquals(new DeleteContainer(uuid.toString(), false, true), next(edges.deletes));

        conductor.reportContainerStatus(ctx, report(uuid, ContainerStatus.DELETED, null, true, true, Instant.now()));
        assertEquals(uuid.toString(), next(edges.releases).consumerUuid());
        assertFalse(rows.exists(uuid));
    }

    @Test
    void nonFinalReportWhileDeletingIsIgnoredButAFailedDeleteApplies() {
        UUID uuid = rows.insert("Deleting", HOST);
        containers.report(ctx, report(uuid, ContainerStatus.RUNNING, "abc", false, false, Instant.now()));
        assertEquals("Deleting", rows.container(uuid).get("status"));

        containers.report(ctx, new ContainerStatusReport(uuid.toString(), HOST, ContainerStatus.ERROR,
                "device busy", null, "abc", null, null, null, false, true, Instant.now()));
        assertEquals("Error", rows.container(uuid).get("status"));
        assertEquals("device busy", rows.container(uuid).get("status_reason"));
        assertEquals(HOST, rows.container(uuid).get("host"), "engine container still exists");
    }

    @Test
    void lostEngineContainerIsAnErrorAndFreesTheHost() throws Exception {
        UUID uuid = rows.insert("Running", HOST);
        containers.report(ctx, report(uuid, ContainerStatus.DELETED, null, true, false, Instant.now()));
        Map<String, String> row = rows.container(uuid);
        assertEquals("Error", row.get("status"));
        assertEquals("No such container " + uuid + " in the engine on " + HOST, row.get("status_reason"));
        assertNull(row.get("host"));
        assertEquals(uuid.toString(), next(edges.releases).consumerUuid());
    }

    /** Zun's auto_heal: made again on the same host, with its claim; a later loss while it is made again waits. */
    @Test
    void lostEngineContainerThatAutoHealsIsCreatedAgainOnItsHost() throws Exception {
        UUID uuid = rows.insert("Running", HOST);
        rows.update("UPDATE containers SET auto_heal = true, engine_id = 'e-old' WHERE uuid = '" + uuid + "'");
        containers.report(ctx, report(uuid, ContainerStatus.DELETED, null, true, false, Instant.now()));

        CreateContainer again = next(edges.creates);
        assertEquals(uuid.toString(), again.spec().uuid());
        Map<String, String> row = rows.container(uuid);
        assertEquals("Creating", row.get("status"));
        assertEquals("container_creating", row.get("task_state"));
        assertEquals(HOST, row.get("host"), "healed where it was");
        assertNull(row.get("engine_id"));
        assertNull(row.get("status_reason"));
        assertNull(edges.releases.poll(300, TimeUnit.MILLISECONDS), "the claim stays");

        // the engine's removal seen again (a sync) while the host makes it: the create's own end decides
        containers.report(ctx, report(uuid, ContainerStatus.DELETED, null, true, false, Instant.now()));
        assertNull(edges.creates.poll(300, TimeUnit.MILLISECONDS), "not asked twice");
        containers.report(ctx, report(uuid, ContainerStatus.RUNNING, "e-new", false, true, Instant.now()));
        assertEquals("Running", rows.container(uuid).get("status"));
        assertNull(rows.container(uuid).get("task_state"));
    }

    @Test
    void deleteOfARowWithoutHostIsImmediate() throws Exception {
        UUID uuid = rows.insert("Error", null);
        conductor.deleteContainer(ctx, new DeleteContainer(uuid.toString(), false, false));
        // a claim a late scheduler answer may have left is released too
        assertEquals(uuid.toString(), next(edges.releases).consumerUuid());
        assertFalse(rows.exists(uuid));
        assertTrue(edges.deletes.isEmpty());
    }

    @Test
    void actionIsForwardedToTheHost() throws Exception {
        UUID uuid = rows.insert("Running", HOST);
        ContainerOperation stop = new ContainerOperation(uuid.toString(), ContainerAction.STOP, 5);
        conductor.containerAction(ctx, stop);
        assertEquals(stop, next(edges.actions));
    }

    @Test
    void resizeClaimsAppliesAndSaves() throws Exception {
        UUID uuid = rows.insert("Running", HOST);
        conductor.resizeContainer(ctx, new ResizeContainer(uuid.toString(), null, 1024));

        assertEquals(uuid.toString(), next(edges.resizeClaims).consumerUuid());
        assertEquals(new ResizeContainer(uuid.toString(), 0.5, 1024), next(edges.resizes));
        assertEquals("1024", rows.container(uuid).get("memory"));
    }

    @Test
    void refusedResizeReachesTheCallerAndChangesNothing() {
        String why = "Host node-1 has not enough memory (free 100 MiB, asked 768 MiB more).";
        edges.resizeClaimAnswer = (c, r) -> {
            throw new RpcHandlerException(SchedulerRpcApi.RESOURCES_UNAVAILABLE, why);
        };
        UUID uuid = rows.insert("Running", HOST);
        RemoteException e = assertThrows(RemoteException.class,
                () -> conductor.resizeContainer(ctx, new ResizeContainer(uuid.toString(), null, 1024)));
        assertEquals(SchedulerRpcApi.RESOURCES_UNAVAILABLE, e.type());
        assertEquals(why, e.getMessage());
        assertEquals("256", rows.container(uuid).get("memory"));
        assertTrue(edges.resizes.isEmpty());
    }

    @Test
    void engineFailureOnResizePutsTheClaimBack() throws Exception {
        edges.resizeAnswer = (c, r) -> {
            throw new RpcHandlerException("EngineError", "Memory limit should be smaller than memoryswap");
        };
        UUID uuid = rows.insert("Running", HOST);
        RemoteException e = assertThrows(RemoteException.class,
                () -> conductor.resizeContainer(ctx, new ResizeContainer(uuid.toString(), 1.0, 1024)));
        assertEquals("EngineError", e.type());
        assertEquals(1024, next(edges.resizeClaims).memoryMb());
        assertEquals(256, next(edges.resizeClaims).memoryMb(), "claim restored");
        assertEquals("256", rows.container(uuid).get("memory"));
    }

    private static ContainerStatusReport report(UUID uuid, ContainerStatus status, String engineId, boolean gone,
                                                boolean done, Instant at) {
        return new ContainerStatusReport(uuid.toString(), HOST, status, null, "Up 1 second", engineId, Map.of(),
                List.of(80), List.of("sh"), gone, done, at);
    }
}
