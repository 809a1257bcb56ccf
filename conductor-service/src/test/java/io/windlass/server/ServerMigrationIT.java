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
import io.windlass.image.persistence.ImageFileStore;
import io.windlass.rpc.RpcConnection;
import io.windlass.rpc.RpcHandlerException;
import io.windlass.scheduler.MoveClaim;
import io.windlass.scheduler.ReturnClaim;
import io.windlass.scheduler.Selection;
import io.windlass.server.persistence.ServerEntity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.windlass.conductor.support.FakeEdges.HOST;
import static io.windlass.conductor.support.FakeEdges.OTHER_HOST;
import static io.windlass.conductor.support.FakeEdges.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cold migration over real RabbitMQ and PostgreSQL, the scheduler and both hosts faked at the edge:
 * the claim moves with the source's held under the migration, the source commits the guest and
 * pushes it into the store, the other host spawns it from there, and the server waits in
 * VERIFY_RESIZE while the source's stopped copy is not taken for the server; a confirm removes that
 * copy and releases its claim, a revert removes the new host's and runs the source's again.
 */
@QuarkusTest
class ServerMigrationIT {
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
    @Inject
    ImageFileStore store;
    @Inject
    io.windlass.workload.Reconciler reconciler;

    FakeEdges edges;

    @BeforeEach
    void start() throws Exception {
        edges = new FakeEdges(connection, json);
        edges.moveAnswer = (c, m) -> new Selection(OTHER_HOST);
        // the host it moves to as a host of one machine records it: without an underlay address
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO compute_hosts (host, driver, "
                + "vcpus, memory_mb, disk_gb, last_heartbeat_at) VALUES (?1, 'docker', 8, 8192, 80, now()) "
                + "ON CONFLICT (host) DO NOTHING").setParameter(1, OTHER_HOST).executeUpdate());
    }

    @AfterEach
    void stop() {
        edges.close();
    }

    @Test
    void aMigratedServerRunsOnTheOtherHostAndItsConfirmRemovesTheSourceCopy() throws Exception {
        UUID server = askedToMigrate();
        UUID migration = migrationOf(server);
        Moved moved = migrateToOtherHost(server, migration);

        // the source's stopped copy reports: it is not the server
        conductor.reportServerStatus(ctx, new ServerStatusReport(server.toString(), HOST, PowerState.SHUTDOWN, "e1",
                Map.of(), null, false, false, Instant.now()));
        conductor.reportServerStatus(ctx, new ServerStatusReport(server.toString(), OTHER_HOST, PowerState.RUNNING,
                "e2", Map.of(), null, false, true, Instant.now()));
        Poll.until("waiting for its confirm", () -> row(server).vmState == VmState.RESIZED);
        ServerEntity resized = row(server);
        assertNull(resized.taskState);
        assertEquals(OTHER_HOST, resized.host);
        assertEquals(HOST, resized.migrationSource, "the source keeps its copy until the confirm");
        assertEquals("e2", resized.engineId);
        assertEquals("m1.medium", resized.oldFlavor.name());
        assertEquals(List.of("finished"), statuses(server));
        Thread.sleep(300);
        assertTrue(edges.serverDestroys.isEmpty(), "the source's copy was not taken for a leftover");

        setTask(server, ServerTaskState.RESIZE_CONFIRMING, "confirming");
        conductor.confirmResize(ctx, new ServerRef(server.toString()));
        assertEquals(server.toString(), next(edges.serverDestroys).uuid(), "the source's copy goes");
        assertEquals(new RemoveImage(moved.reference()), next(edges.imageRemovals));
        assertEquals(migration.toString(), next(edges.releases).consumerUuid(), "the claim it held goes");
        Poll.until("confirmed", () -> row(server).taskState == null);
        ServerEntity confirmed = row(server);
        assertEquals(VmState.ACTIVE, confirmed.vmState);
        assertNull(confirmed.migrationSource);
        assertNull(confirmed.migrationImageId);
        assertNull(confirmed.oldFlavor);
        assertEquals(List.of("confirmed"), statuses(server));
        assertEquals(ImageStatus.DELETED, images.get(moved.image()).status);
        assertTrue(edges.otherHostImageRemovals.isEmpty(), "the new host runs from the image's bytes");
    }

    @Test
    void aRevertedMigrationGivesTheClaimBackAndRunsTheSourceCopyAgain() throws Exception {
        UUID server = askedToMigrate();
        UUID migration = migrationOf(server);
        Moved moved = migrateToOtherHost(server, migration);
        conductor.reportServerStatus(ctx, new ServerStatusReport(server.toString(), OTHER_HOST, PowerState.RUNNING,
                "e2", Map.of(), null, false, true, Instant.now()));
        Poll.until("waiting for its confirm", () -> row(server).vmState == VmState.RESIZED);

        setTask(server, ServerTaskState.RESIZE_REVERTING, "reverting");
        conductor.revertResize(ctx, new ServerRef(server.toString()));
        assertEquals(new ReturnClaim(server.toString(), migration.toString()), next(edges.claimReturns));
        assertEquals(server.toString(), next(edges.otherHostDestroys).uuid(), "the new host's copy goes");
        ServerOperation start = next(edges.serverActions);
        assertEquals(new ServerOperation(server.toString(), ServerAction.START), start, "the source's copy runs again");
        ServerEntity back = row(server);
        assertEquals(HOST, back.host);
        assertEquals(ServerTaskState.POWERING_ON, back.taskState);
        assertNull(back.migrationSource);
        assertNull(back.oldFlavor);
        assertEquals(List.of("reverted"), statuses(server));

        conductor.reportServerStatus(ctx, new ServerStatusReport(server.toString(), HOST, PowerState.RUNNING, "e1",
                Map.of(), null, false, true, Instant.now()));
        Poll.until("active on its source", () -> row(server).taskState == null);
        assertEquals(VmState.ACTIVE, row(server).vmState);
        assertEquals("e1", row(server).engineId);
        assertEquals(ImageStatus.DELETED, images.get(moved.image()).status);
        assertTrue(edges.otherHostImageRemovals.isEmpty(), "the new host removes it with the copy that ran from it");
    }

    @Test
    void aCommitTheSourceRefusesPutsTheClaimAndTheServerBack() throws Exception {
        UUID server = askedToMigrate();
        UUID migration = migrationOf(server);
        edges.shelveAnswer = (c, r) -> {
            throw new RpcHandlerException("EngineError", "no space left on device");
        };
        conductor.migrateServer(ctx, new MigrateServer(server.toString(), null));
        next(edges.moves);
        next(edges.shelves);
        assertEquals(new ReturnClaim(server.toString(), migration.toString()), next(edges.claimReturns));
        assertTrue(next(edges.imageRemovals).reference().startsWith("windlass-image/"),
                "a commit made before the failure is removed from the source");
        assertEquals(new ServerOperation(server.toString(), ServerAction.START), next(edges.serverActions));
        Poll.until("put back", () -> row(server).taskState == null);
        ServerEntity back = row(server);
        assertEquals(HOST, back.host);
        assertEquals(VmState.ACTIVE, back.vmState);
        assertNull(back.migrationSource);
        assertNull(back.newFlavor);
        assertTrue(String.valueOf(back.fault.get("message")).contains("no space left on device"));
        assertEquals(List.of("error"), statuses(server));
        assertTrue(edges.otherHostSpawns.isEmpty());
    }

    @Test
    void aServerNoOtherHostTakesStaysAsItWas() throws Exception {
        UUID server = askedToMigrate();
        edges.moveAnswer = (c, m) -> {
            throw new RpcHandlerException("NoValidHost", "There are not enough hosts available.");
        };
        conductor.migrateServer(ctx, new MigrateServer(server.toString(), OTHER_HOST));
        assertEquals(OTHER_HOST, next(edges.moves).request().requestedHost(), "the host the admin asked for");
        Poll.until("abandoned", () -> row(server).taskState == null);
        assertEquals(HOST, row(server).host);
        assertEquals(VmState.ACTIVE, row(server).vmState);
        assertEquals(List.of("error"), statuses(server));
        assertTrue(edges.shelves.isEmpty());
    }

    @Test
    void aServerDeletedWhileTheSchedulerMovedItsClaimLeavesNoClaimBehind() throws Exception {
        UUID server = askedToMigrate();
        UUID migration = migrationOf(server);
        edges.moveAnswer = (c, m) -> {
            // the delete lands while the scheduler works
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update servers set deleted_at = now(), "
                    + "vm_state = 'deleted', task_state = null where uuid = ?1").setParameter(1, server).executeUpdate());
            return new Selection(OTHER_HOST);
        };
        conductor.migrateServer(ctx, new MigrateServer(server.toString(), null));
        next(edges.moves);
        List<String> released = List.of(next(edges.releases).consumerUuid(), next(edges.releases).consumerUuid());
        assertTrue(released.containsAll(List.of(server.toString(), migration.toString())), released.toString());
        Thread.sleep(300);
        assertTrue(edges.shelves.isEmpty(), "nothing is committed");
        assertTrue(edges.claimReturns.isEmpty(), "a claim given back to a deleted server would stay");
    }

    @Test
    void aMoveWhoseSourceNeverAnsweredIsOnItsSourceAloneOnceTheReconcilerClearsIt() {
        UUID server = askedToMigrate();
        UUID image = images.saving(server, "srv-migration", Map.of("image_type", "migration"), Instant.now());
        entities.change(ServerEntity.class, server, s -> {
            s.taskState = ServerTaskState.RESIZE_MIGRATING;
            s.migrationSource = HOST;
            s.migrationImageId = image;
        });
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update migrations set status = 'migrating' "
                + "where instance_uuid = ?1").setParameter(1, server).executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update servers set updated_at = "
                + "now() - interval '11 minutes' where uuid = ?1").setParameter(1, server).executeUpdate());
        reconciler.reconcile();
        ServerEntity cleared = row(server);
        assertNull(cleared.taskState);
        assertEquals(HOST, cleared.host);
        assertNull(cleared.migrationSource, "no copy is kept anywhere else");
        assertNull(cleared.migrationImageId, "a later spawn is from its own image");
        assertEquals(List.of("error"), statuses(server));
    }

    private record Moved(UUID image) {
        String reference() {
            return ImageEntity.referenceOf(image);
        }
    }

    /** Runs the migration up to the new host's spawn, answering the store as the source's push would. */
    private Moved migrateToOtherHost(UUID server, UUID migration) throws Exception {
        conductor.migrateServer(ctx, new MigrateServer(server.toString(), null));
        MoveClaim move = next(edges.moves);
        assertEquals(HOST, move.sourceHost());
        assertEquals(migration.toString(), move.sourceHeldBy(), "the source's claim is kept under the migration");
        ShelveServer commit = next(edges.shelves);
        assertEquals(server.toString(), commit.uuid());
        assertEquals(false, commit.offload(), "the source keeps its stopped copy");
        StoreImage push = next(edges.imageStores);
        UUID image = UUID.fromString(push.imageId());
        assertEquals(commit.reference(), push.reference());
        stored(image);
        ServerSpec spawned = next(edges.otherHostSpawns);
        assertEquals(commit.reference(), spawned.image(), "spawned from the guest's image");
        ServerEntity moving = row(server);
        assertEquals(OTHER_HOST, moving.host);
        assertEquals(ServerTaskState.RESIZE_FINISH, moving.taskState);
        assertEquals(HOST, moving.migrationSource);
        assertEquals(image, moving.migrationImageId);
        assertEquals(List.of("post-migrating"), statuses(server));
        assertEquals(ImageStatus.ACTIVE, images.get(image).status);
        return new Moved(image);
    }

    /** The bytes in the store, as the conductor's store_image_data leaves them once the host's push ends. */
    private void stored(UUID image) {
        ImageFileStore.Stored bytes = QuarkusTransaction.requiringNew().call(() -> store.write(
                new ByteArrayInputStream("guest".getBytes(StandardCharsets.UTF_8))));
        QuarkusTransaction.requiringNew().run(() -> {
            ImageEntity i = em.find(ImageEntity.class, image);
            i.data = bytes.oid();
            i.checksum = bytes.md5();
        });
    }

    private UUID migrationOf(UUID server) {
        return QuarkusTransaction.requiringNew().call(() -> (UUID) em.createNativeQuery("select uuid from migrations "
                + "where instance_uuid = ?1").setParameter(1, server).getSingleResult());
    }

    /** As the api-service marks the row and the record when it accepts a confirm or revert. */
    private void setTask(UUID server, ServerTaskState task, String status) {
        entities.change(ServerEntity.class, server, s -> s.taskState = task);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update migrations set status = ?2 "
                + "where instance_uuid = ?1").setParameter(1, server).setParameter(2, status).executeUpdate());
    }

    @SuppressWarnings("unchecked")
    private List<String> statuses(UUID server) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select status from migrations "
                + "where instance_uuid = ?1 order by id").setParameter(1, server).getResultList());
    }

    private ServerEntity row(UUID uuid) {
        return entities.get(ServerEntity.class, uuid);
    }

    /** An active server on {@link FakeEdges#HOST}, as the api-service leaves it when it accepts a migrate. */
    private UUID askedToMigrate() {
        UUID uuid = UUID.randomUUID();
        String same;
        try {
            same = json.writeValueAsString(new FlavorSnapshot("3", "m1.medium", 2, 256, 3, 0, 0, Map.of()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                            insert into servers (uuid, name, project_id, user_id, image_ref, image, flavor_id,
                                                 flavor_name, vcpus, memory_mb, root_gb, flavor_extra_specs, metadata,
                                                 hostname, reservation_id, vm_state, power_state, network, host,
                                                 task_state, new_flavor)
                            values (?1, 'srv', 'p1', 'u1', 'img', 'busybox:latest', '3', 'm1.medium', 2, 256, 3,
                                    '{}', '{}', 'srv-host', 'r-abcdefgh', 'active', 1, 'none', ?2, 'resize_prep',
                                    cast(?3 as jsonb))""")
                    .setParameter(1, uuid).setParameter(2, HOST).setParameter(3, same).executeUpdate();
            em.createNativeQuery("insert into migrations (uuid, instance_uuid, migration_type, status, "
                    + "source_compute, project_id) values (gen_random_uuid(), ?1, 'migration', 'pre-migrating', ?2, "
                    + "'p1')").setParameter(1, uuid).setParameter(2, HOST).executeUpdate();
        });
        return uuid;
    }
}
