package io.windlass.capsule.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.capsule.CapsuleMemberSpec;
import io.windlass.capsule.CapsuleMemberState;
import io.windlass.capsule.CapsuleRef;
import io.windlass.capsule.CapsuleSpec;
import io.windlass.capsule.CapsuleStatusReport;
import io.windlass.capsule.CreateCapsule;
import io.windlass.capsule.DeleteCapsule;
import io.windlass.capsule.persistence.CapsuleRecord;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.conductor.support.FakeEdges;
import io.windlass.conductor.support.Poll;
import io.windlass.container.ContainerStatus;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Capsule build, report and delete over real RabbitMQ and PostgreSQL, scheduler and agent faked at the edge. */
@QuarkusTest
class CapsuleWorkflowsIT {
    private final RequestContext ctx = RequestContext.internal("conductor-it");

    @Inject
    ConductorRpcApi conductor;
    @Inject
    RpcConnection connection;
    @Inject
    ObjectMapper json;
    @Inject
    EntityManager entityManager;

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

        QuarkusTransaction.requiringNew().run(() -> CapsuleRecord.lockByUuid(uuid).orElseThrow().status =
                ContainerStatus.DELETING);
        conductor.deleteCapsule(ctx, new CapsuleRef(uuid.toString()));
        DeleteCapsule delete = next(edges.capsuleDeletes);
        assertEquals(spec, delete.spec());
        conductor.reportCapsuleStatus(ctx, new CapsuleStatusReport(uuid.toString(), HOST, ContainerStatus.DELETED,
                null, List.of(), Map.of(), true, true, Instant.now()));
        assertEquals(uuid.toString(), next(edges.releases).consumerUuid());
        assertTrue(QuarkusTransaction.requiringNew().call(() -> CapsuleRecord.findByUuid(uuid)).isEmpty());
    }

    private static CapsuleMemberSpec member(String name, double cpu, int memory) {
        return new CapsuleMemberSpec(UUID.randomUUID().toString(), "capsule-cap-" + name, name, "busybox",
                List.of("sleep", "60"), Map.of(), null, cpu, memory, List.of(), List.of());
    }

    private CapsuleRecord row(UUID uuid) {
        return QuarkusTransaction.requiringNew().call(() -> CapsuleRecord.findByUuid(uuid).orElseThrow());
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
