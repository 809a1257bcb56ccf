package io.windlass.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.conductor.support.EntityRows;
import io.windlass.conductor.support.FakeEdges;
import io.windlass.conductor.support.ImageRows;
import io.windlass.conductor.support.Poll;
import io.windlass.context.RequestContext;
import io.windlass.image.ImageStatus;
import io.windlass.image.RemoveImage;
import io.windlass.image.StoreImage;
import io.windlass.image.persistence.ImageEntity;
import io.windlass.rpc.RpcConnection;
import io.windlass.rpc.RpcHandlerException;
import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.SchedulerRpcApi;
import io.windlass.server.persistence.ServerEntity;
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

/**
 * Shelve, offload and unshelve over real RabbitMQ and PostgreSQL, the scheduler and the host faked
 * at the edge: the host commits and removes the server, the row ends shelved and offloaded on no
 * host with its claim released; an unshelve schedules it on the host of its image and spawns it from
 * that image, and its first report makes it active and takes the image out of the catalogue.
 */
@QuarkusTest
class ServerShelvingIT {
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
    @Inject
    ImageRows images;

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
    void aShelvedServerIsCommittedOffloadedThenUnshelvedFromItsImage() throws Exception {
        UUID server = server(VmState.ACTIVE, ServerTaskState.SHELVING);
        UUID image = shelvedImage(server);

        conductor.shelveServer(ctx, new ServerRef(server.toString()));
        ShelveServer asked = next(edges.shelves);
        assertEquals(new ShelveServer(server.toString(), ImageEntity.referenceOf(image), true), asked,
                "shelved_offload_time 0: committed and offloaded in one go");
        Poll.until("offloaded", () -> row(server).vmState == VmState.SHELVED_OFFLOADED);
        ServerEntity offloaded = row(server);
        assertNull(offloaded.host, "on no host");
        assertNull(offloaded.taskState);
        assertEquals(PowerState.NOSTATE, offloaded.powerState);
        assertNotNull(offloaded.shelvedAt);
        assertEquals(image, offloaded.shelvedImageId);
        assertEquals(server.toString(), next(edges.releases).consumerUuid(), "its claim is released");
        assertEquals(new StoreImage(image.toString(), ImageEntity.referenceOf(image)), next(edges.imageStores),
                "its host is asked to push the shelved image into the store");
        ImageEntity made = image(image);
        assertEquals(ImageStatus.ACTIVE, made.status);
        assertEquals(HOST, made.host);
        assertEquals(8192L, made.size);

        // a late engine event of the removal from the host it left changes nothing
        conductor.reportServerStatus(ctx, new ServerStatusReport(server.toString(), HOST, PowerState.NOSTATE, null,
                Map.of(), null, true, false, Instant.now()));
        // the api-service accepts the unshelve: pinned to the image's host
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update servers set task_state = 'unshelving',"
                + " requested_host = ?2 where uuid = ?1").setParameter(1, server).setParameter(2, HOST).executeUpdate());
        assertEquals(VmState.SHELVED_OFFLOADED, row(server).vmState, "the late removal event was not a loss");

        RequestContext unshelve = RequestContext.internal("conductor-it-unshelve");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into workload_actions (kind, "
                + "workload_uuid, request_id, action, project_id, user_id) values ('server', ?1, ?2, 'unshelve', "
                + "'p1', 'u1')").setParameter(1, server).setParameter(2, unshelve.requestId()).executeUpdate());
        conductor.unshelveServer(unshelve, new ServerRef(server.toString()));
        ResourceRequest request = next(edges.selects);
        assertEquals(HOST, request.requestedHost());
        ServerSpec spawned = next(edges.serverSpawns);
        assertEquals(ImageEntity.referenceOf(image), spawned.image(), "spawned from its shelved image");
        assertEquals(server.toString(), spawned.uuid());
        assertEquals(ServerTaskState.SPAWNING, row(server).taskState);
        assertEquals(HOST, row(server).host);

        conductor.reportServerStatus(ctx, new ServerStatusReport(server.toString(), HOST, PowerState.RUNNING, "e2",
                Map.of(), null, false, true, Instant.now()));
        Poll.until("active", () -> row(server).vmState == VmState.ACTIVE);
        ServerEntity active = row(server);
        assertNull(active.taskState);
        assertNull(active.shelvedImageId);
        assertNull(active.shelvedImage);
        assertEquals(ImageStatus.DELETED, image(image).status, "the shelved image leaves the catalogue");
        assertEquals(List.of("conductor_unshelve_instance " + null, "compute_unshelve_instance " + HOST),
                eventsOf(unshelve), "Nova's unshelve, not a boot");
        Thread.sleep(300);
        assertTrue(edges.imageRemovals.isEmpty(), "the server runs from the image: its host keeps the bytes");
    }

    @Test
    void aServerShelvedOnItsHostIsOffloadedAloneAndUnshelvedThereByPoweringOn() throws Exception {
        UUID server = server(VmState.SHELVED, ServerTaskState.SHELVING_OFFLOADING);
        UUID image = shelvedImage(server);
        committed(image);

        conductor.shelveServer(ctx, new ServerRef(server.toString()));
        assertEquals(new ShelveServer(server.toString(), null, true), next(edges.shelves), "only removed");
        Poll.until("offloaded", () -> row(server).vmState == VmState.SHELVED_OFFLOADED);
        assertEquals(ImageStatus.ACTIVE, image(image).status);

        UUID onHost = server(VmState.SHELVED, ServerTaskState.UNSHELVING);
        UUID onHostImage = shelvedImage(onHost);
        committed(onHostImage);
        conductor.unshelveServer(ctx, new ServerRef(onHost.toString()));
        assertEquals(new ServerOperation(onHost.toString(), ServerAction.START), next(edges.serverActions));
        assertEquals(ServerTaskState.POWERING_ON, row(onHost).taskState);
        // an engine event of the stopped server before the start's end keeps it shelved
        conductor.reportServerStatus(ctx, new ServerStatusReport(onHost.toString(), HOST, PowerState.SHUTDOWN, "e1",
                Map.of(), null, false, false, Instant.now()));
        assertEquals(VmState.SHELVED, row(onHost).vmState);
        conductor.reportServerStatus(ctx, new ServerStatusReport(onHost.toString(), HOST, PowerState.RUNNING, "e1",
                Map.of(), null, false, true, Instant.now()));
        Poll.until("active", () -> row(onHost).vmState == VmState.ACTIVE);
        assertNull(row(onHost).taskState);
        assertEquals(ImageStatus.DELETED, image(onHostImage).status, "the shelved image leaves the catalogue");
        assertEquals(new RemoveImage(ImageEntity.referenceOf(onHostImage)), next(edges.imageRemovals),
                "its host removes the bytes: the server runs from its own container, not from the image");
    }

    @Test
    void aRefusedShelveKillsTheImageAndTheServerStaysWhereItWas() throws Exception {
        edges.shelveAnswer = (c, r) -> {
            throw new RpcHandlerException("EngineError", "Docker commit failed: no space left on device");
        };
        UUID server = server(VmState.ACTIVE, ServerTaskState.SHELVING);
        UUID image = shelvedImage(server);
        conductor.shelveServer(ctx, new ServerRef(server.toString()));
        next(edges.shelves);
        Poll.until("task over", () -> row(server).taskState == null);
        ServerEntity kept = row(server);
        assertEquals(VmState.ACTIVE, kept.vmState);
        assertEquals(HOST, kept.host);
        assertNull(kept.shelvedImageId);
        assertEquals(ImageStatus.KILLED, image(image).status);
        assertTrue(edges.releases.isEmpty(), "the claim stays");

        // delivered again: no shelve waits any more
        conductor.shelveServer(ctx, new ServerRef(server.toString()));
        Thread.sleep(500);
        assertTrue(edges.shelves.isEmpty());
    }

    @Test
    void anUnshelveThatFindsNoHostLeavesTheServerOffloaded() throws Exception {
        edges.selectAnswer = (c, r) -> {
            throw new RpcHandlerException(SchedulerRpcApi.NO_VALID_HOST, "host h1 is down");
        };
        UUID server = server(VmState.SHELVED_OFFLOADED, ServerTaskState.UNSHELVING);
        entities.change(ServerEntity.class, server, s -> s.host = null);
        conductor.unshelveServer(ctx, new ServerRef(server.toString()));
        next(edges.selects);
        Poll.until("task over", () -> row(server).taskState == null);
        ServerEntity kept = row(server);
        assertEquals(VmState.SHELVED_OFFLOADED, kept.vmState, "not ERROR: it can be unshelved again");
        assertNull(kept.host);
        assertTrue(edges.serverSpawns.isEmpty());
    }

    /** The events of one request's action, as "name host", in the order they began. */
    @SuppressWarnings("unchecked")
    private List<String> eventsOf(RequestContext request) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object[]>) em.createNativeQuery("select e.event, "
                + "e.host from workload_action_events e join workload_actions a on a.id = e.action_id where "
                + "a.request_id = ?1 order by e.start_time, e.id").setParameter(1, request.requestId())
                .getResultList()).stream().map(r -> r[0] + " " + r[1]).toList());
    }

    private ServerEntity row(UUID uuid) {
        return entities.get(ServerEntity.class, uuid);
    }

    private ImageEntity image(UUID id) {
        return images.get(id);
    }

    /** The image row and the server's columns, as the api-service writes them when it accepts a shelve. */
    private UUID shelvedImage(UUID server) {
        UUID id = images.saving(server, "srv-shelved", Map.of("image_type", "snapshot"), Instant.now());
        entities.change(ServerEntity.class, server, s -> {
            s.shelvedImageId = id;
            s.shelvedImage = ImageEntity.referenceOf(id);
        });
        return id;
    }

    /** As the host's commit leaves it: active on the host. */
    private void committed(UUID image) {
        QuarkusTransaction.requiringNew().run(() -> {
            ImageEntity i = em.find(ImageEntity.class, image);
            i.status = ImageStatus.ACTIVE;
            i.host = HOST;
        });
    }

    private UUID server(VmState vmState, ServerTaskState task) {
        UUID uuid = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into servers (uuid, name, project_id, user_id, image_ref, image, flavor_id, flavor_name,
                                             vcpus, memory_mb, root_gb, flavor_extra_specs, metadata, hostname,
                                             reservation_id, vm_state, power_state, network, host, task_state)
                        values (?1, 'srv', 'p1', 'u1', 'img', 'busybox:latest', '3', 'm1.medium', 2, 256, 3,
                                '{}', '{}', 'srv-host', 'r-abcdefgh', ?4, 1, 'none', ?2, ?3)""")
                .setParameter(1, uuid).setParameter(2, HOST).setParameter(3, task.value())
                .setParameter(4, vmState.value()).executeUpdate());
        return uuid;
    }
}
