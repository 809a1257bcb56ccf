package io.windlass.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.conductor.support.EntityRows;
import io.windlass.conductor.support.FakeEdges;
import io.windlass.conductor.support.ImageRows;
import io.windlass.conductor.support.Poll;
import io.windlass.context.RequestContext;
import io.windlass.image.persistence.ImageEntity;
import io.windlass.rpc.RpcConnection;
import io.windlass.rpc.RpcHandlerException;
import io.windlass.server.ServerTaskState;
import io.windlass.server.persistence.ServerEntity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.windlass.conductor.support.FakeEdges.HOST;
import static io.windlass.conductor.support.FakeEdges.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code snapshot_workload} over real RabbitMQ and PostgreSQL, the host faked at the edge: the
 * host commits the workload to the image's reference, then the image is active and the server's
 * task over; a refusal kills the image and still ends the task; a backup rotates the server's
 * older backups of its type out and has their host remove them; a message that comes again does
 * nothing.
 */
@QuarkusTest
class WorkloadSnapshotsIT {
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
    void theHostCommitsTheServerThenTheImageIsActiveAndTheTaskOver() throws Exception {
        UUID server = server(ServerTaskState.IMAGE_SNAPSHOT_PENDING);
        UUID image = image(server, Map.of("image_type", "snapshot"), Instant.now());

        conductor.snapshotWorkload(ctx, new ImageRef(image.toString(), null));
        CommitWorkload commit = next(edges.commits);
        assertEquals(new CommitWorkload(CommitWorkload.SERVER, server.toString(), ImageEntity.referenceOf(image)),
                commit);
        Poll.until("active", () -> row(image).status == ImageStatus.ACTIVE);
        assertEquals(HOST, row(image).host);
        assertEquals(4096L, row(image).size);
        Poll.until("task over", () -> entities.get(ServerEntity.class, server).taskState == null);

        // again (a redelivery): the image is made already
        conductor.snapshotWorkload(ctx, new ImageRef(image.toString(), null));
        Thread.sleep(500);
        assertTrue(edges.commits.isEmpty(), "nothing is committed twice");
    }

    @Test
    void aRefusedCommitKillsTheImageAndEndsTheTask() throws Exception {
        edges.commitAnswer = (c, r) -> {
            throw new RpcHandlerException("EngineError", "Docker commit failed: no space left on device");
        };
        UUID server = server(ServerTaskState.IMAGE_SNAPSHOT_PENDING);
        UUID image = image(server, Map.of("image_type", "snapshot"), Instant.now());
        conductor.snapshotWorkload(ctx, new ImageRef(image.toString(), null));
        next(edges.commits);
        Poll.until("killed", () -> row(image).status == ImageStatus.KILLED);
        assertNull(row(image).host);
        Poll.until("task over", () -> entities.get(ServerEntity.class, server).taskState == null);
    }

    @Test
    void anImageDeletedWhileItsHostCommitsItLeavesTheHostAndTheTaskEnds() throws Exception {
        UUID server = server(ServerTaskState.IMAGE_SNAPSHOT_PENDING);
        UUID image = image(server, Map.of("image_type", "snapshot"), Instant.now());
        edges.commitAnswer = (c, r) -> {
            // the owner deletes it meanwhile, as Tempest's test_delete_saving_image does
            QuarkusTransaction.requiringNew().run(() -> em.find(ImageEntity.class, image).status = ImageStatus.DELETED);
            return new CommittedImage("sha256:c0ffee", 4096);
        };
        conductor.snapshotWorkload(ctx, new ImageRef(image.toString(), null));
        next(edges.commits);
        assertEquals(new RemoveImage(ImageEntity.referenceOf(image)), next(edges.imageRemovals));
        assertEquals(ImageStatus.DELETED, row(image).status);
        Poll.until("task over", () -> entities.get(ServerEntity.class, server).taskState == null);
    }

    @Test
    void aBackupRotatesOlderOnesOfItsTypeOut() throws Exception {
        UUID server = server(ServerTaskState.IMAGE_BACKUP);
        Instant now = Instant.now();
        UUID oldest = activeBackup(server, "daily", now.minusSeconds(300));
        UUID older = activeBackup(server, "daily", now.minusSeconds(200));
        UUID weekly = activeBackup(server, "weekly", now.minusSeconds(400));
        UUID made = image(server, Map.of("image_type", "backup", "backup_type", "daily"), now);

        conductor.snapshotWorkload(ctx, new ImageRef(made.toString(), 2));
        next(edges.commits);
        Poll.until("active", () -> row(made).status == ImageStatus.ACTIVE);
        Poll.until("rotated", () -> row(oldest).status == ImageStatus.DELETED);
        assertEquals(ImageStatus.ACTIVE, row(older).status, "two dailies stay: this one and the one before");
        assertEquals(ImageStatus.ACTIVE, row(weekly).status, "another type is another rotation");
        assertEquals(new RemoveImage(ImageEntity.referenceOf(oldest)), next(edges.imageRemovals));
        assertNull(entities.get(ServerEntity.class, server).taskState);
    }

    private ImageEntity row(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(ImageEntity.class, id));
    }

    private UUID activeBackup(UUID server, String type, Instant created) {
        UUID id = image(server, Map.of("image_type", "backup", "backup_type", type), created);
        QuarkusTransaction.requiringNew().run(() -> {
            ImageEntity i = em.find(ImageEntity.class, id);
            i.status = ImageStatus.ACTIVE;
            i.host = HOST;
        });
        return id;
    }

    /** As the api-service writes it when it accepts the request. */
    private UUID image(UUID server, Map<String, String> properties, Instant created) {
        return images.saving(server, "img", properties, created);
    }

    private UUID server(ServerTaskState task) {
        UUID uuid = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into servers (uuid, name, project_id, user_id, image_ref, image, flavor_id, flavor_name,
                                             vcpus, memory_mb, root_gb, flavor_extra_specs, metadata, hostname,
                                             reservation_id, vm_state, power_state, network, host, task_state)
                        values (?1, 'srv', 'p1', 'u1', 'img', 'busybox:latest', '3', 'm1.medium', 2, 256, 3,
                                '{}', '{}', 'srv-host', 'r-abcdefgh', 'active', 1, 'none', ?2, ?3)""")
                .setParameter(1, uuid).setParameter(2, HOST).setParameter(3, task.value()).executeUpdate());
        return uuid;
    }
}
