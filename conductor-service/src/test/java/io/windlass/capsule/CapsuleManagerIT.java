package io.windlass.capsule;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.capsule.persistence.CapsuleEntity;
import io.windlass.conductor.support.EntityRows;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.conductor.support.FakeEdges;
import io.windlass.conductor.support.Poll;
import io.windlass.container.ContainerStatus;
import io.windlass.container.TaskState;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcConnection;
import io.windlass.scheduler.ResourceRequest;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Capsule build, report and delete over real RabbitMQ and PostgreSQL, scheduler and agent faked at the edge. */
@QuarkusTest
class CapsuleManagerIT {
    private final RequestContext ctx = RequestContext.internal("conductor-it");

    @Inject
    ConductorRpcApi conductor;
    @Inject
    RpcConnection connection;
    @Inject
    ObjectMapper json;
    @Inject
    EntityManager entityManager;
    @Inject
    EntityRows entities;
    @Inject
    CapsuleManager manager;
    @Inject
    MeterRegistry meters;

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
    void aCapsuleIsScheduledAsOneUnitCreatedReportedAndDeleted() throws Exception {
        UUID uuid = UUID.randomUUID();
        CapsuleMemberSpec init = member("init", 2, 64);
        CapsuleMemberSpec web = member("web", 0.5, 128);
        CapsuleMemberSpec client = member("client", 0.25, 64);
        CapsuleSpec spec = new CapsuleSpec(uuid.toString(), "cap", "always", List.of(init), List.of(web, client),
                List.of());
        insert(uuid, spec);

        conductor.buildCapsule(ctx, new CapsuleRef(uuid.toString()));
        ResourceRequest asked = next(edges.selects);
        assertEquals(uuid.toString(), asked.consumerUuid());
        assertEquals("capsule", asked.consumerType());
        assertEquals(2.0, asked.vcpus(), "the init container's 2 CPUs exceed the apps' 0.75");
        assertEquals(192, asked.memoryMb(), "the apps' 128 + 64 MiB exceed the init container's 64");
        CreateCapsule created = next(edges.capsuleCreates);
        assertEquals(spec, created.spec());
        assertEquals(HOST, row(uuid).host);

        conductor.reportCapsuleStatus(ctx, new CapsuleStatusReport(uuid.toString(), HOST, ContainerStatus.RUNNING,
                null, List.of(new CapsuleMemberState(web.uuid(), ContainerStatus.RUNNING, null, "e1", null)),
                Map.of(), false, true, Instant.now()));
        Poll.until("capsule Running", () -> row(uuid).status == ContainerStatus.RUNNING);
        assertEquals("e1", row(uuid).members.getFirst().engineId());

        entities.change(CapsuleEntity.class, uuid, c -> c.status = ContainerStatus.DELETING);
        conductor.deleteCapsule(ctx, new CapsuleRef(uuid.toString()));
        DeleteCapsule delete = next(edges.capsuleDeletes);
        assertEquals(spec, delete.spec());
        conductor.reportCapsuleStatus(ctx, new CapsuleStatusReport(uuid.toString(), HOST, ContainerStatus.DELETED,
                null, List.of(), Map.of(), true, true, Instant.now()));
        assertEquals(uuid.toString(), next(edges.releases).consumerUuid());
        assertTrue(entities.find(CapsuleEntity.class, uuid).isEmpty());
    }

    @Test
    void aFailedCreateLeftNothingSoItsClaimAndHostGo() throws Exception {
        UUID uuid = placedCapsule();
        conductor.reportCapsuleStatus(ctx, new CapsuleStatusReport(uuid.toString(), HOST, ContainerStatus.ERROR,
                "Init container init exited with code 1.", List.of(), Map.of(), false, true, Instant.now()));
        assertEquals(uuid.toString(), next(edges.releases).consumerUuid());
        CapsuleEntity failed = row(uuid);
        assertEquals(ContainerStatus.ERROR, failed.status);
        assertEquals("Init container init exited with code 1.", failed.statusReason);
        assertNull(failed.host, "nothing is left there: a delete needs no agent");
        assertNull(failed.taskState);
    }

    @Test
    void aCapsuleGoneBehindTheAgentsBackFailsAndReleasesItsClaim() throws Exception {
        UUID uuid = placedCapsule();
        Instant seen = Instant.now();
        conductor.reportCapsuleStatus(ctx, new CapsuleStatusReport(uuid.toString(), HOST, ContainerStatus.RUNNING,
                null, List.of(), Map.of(), false, true, seen));
        Poll.until("capsule Running", () -> row(uuid).status == ContainerStatus.RUNNING);

        conductor.reportCapsuleStatus(ctx, new CapsuleStatusReport(uuid.toString(), HOST, ContainerStatus.DELETED,
                null, List.of(), Map.of(), true, false, seen.plusSeconds(1)));
        assertEquals(uuid.toString(), next(edges.releases).consumerUuid());
        CapsuleEntity lost = row(uuid);
        assertEquals(ContainerStatus.ERROR, lost.status);
        assertEquals("The capsule's containers are gone from " + HOST, lost.statusReason);
        assertNull(lost.host);
    }

    @Test
    void anOvertakenReportStillEndsTheCreate() throws Exception {
        UUID uuid = placedCapsule();
        Instant created = Instant.now();
        // a member's start event is reported before the create's own report, which looked a moment earlier
        manager.report(ctx, new CapsuleStatusReport(uuid.toString(), HOST, ContainerStatus.RUNNING, null, List.of(),
                Map.of(), false, false, created.plusMillis(5)));
        assertEquals(TaskState.CONTAINER_CREATING, row(uuid).taskState);
        double appliedBefore = reports("applied");

        manager.report(ctx, new CapsuleStatusReport(uuid.toString(), HOST, ContainerStatus.RUNNING, null, List.of(),
                Map.of(), false, true, created));

        assertNull(row(uuid).taskState);
        assertEquals(ContainerStatus.RUNNING, row(uuid).status);
        assertEquals(appliedBefore + 1, reports("applied"), "capsule reports are counted like every kind's");
    }

    private double reports(String result) {
        return meters.counter("windlass.conductor.reports", "kind", "capsule", "result", result).count();
    }

    /** A capsule the conductor built on {@link FakeEdges#HOST}, whose create is running there. */
    private UUID placedCapsule() throws Exception {
        UUID uuid = UUID.randomUUID();
        insert(uuid, new CapsuleSpec(uuid.toString(), "cap", "always", List.of(), List.of(member("web", 0.5, 64)),
                List.of()));
        conductor.buildCapsule(ctx, new CapsuleRef(uuid.toString()));
        next(edges.capsuleCreates);
        assertEquals(TaskState.CONTAINER_CREATING, row(uuid).taskState);
        return uuid;
    }

    private static CapsuleMemberSpec member(String name, double cpu, int memory) {
        return new CapsuleMemberSpec(UUID.randomUUID().toString(), "capsule-cap-" + name, name, "busybox",
                List.of("sleep", "60"), Map.of(), null, cpu, memory, List.of(), List.of());
    }

    private CapsuleEntity row(UUID uuid) {
        return entities.get(CapsuleEntity.class, uuid);
    }

    private void insert(UUID uuid, CapsuleSpec spec) throws Exception {
        String specJson = json.writeValueAsString(spec);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into capsules (uuid, name, project_id, user_id, restart_policy, cpu, memory, spec, status)
                        values (?1, 'cap', 'p1', 'u1', 'always', ?2, ?3, cast(?4 as jsonb), 'Creating')""")
                .setParameter(1, uuid).setParameter(2, spec.cpu()).setParameter(3, spec.memoryMb())
                .setParameter(4, specJson).executeUpdate());
    }
}
