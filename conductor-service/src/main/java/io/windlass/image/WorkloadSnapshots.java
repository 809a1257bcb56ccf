package io.windlass.image;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.conductor.config.ConductorConfig;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.context.RequestContext;
import io.windlass.image.persistence.ImageEntity;
import io.windlass.persistence.WorkloadEntity;
import io.windlass.rpc.RpcException;
import io.windlass.server.ServerTaskState;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.workload.ActionEvents;
import io.windlass.workload.WorkloadRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Makes the images of Nova's createImage and createBackup and of Zun's commit: the api-service has
 * written the image row ({@code saving}) and, for a server, its task state; the workload's host
 * commits the engine container to the row's reference (compute {@code commit_workload}, a call),
 * and the row turns {@code active}, or {@code killed} with the reason in the action's event. The
 * server's task state ends either way. A redelivered message finds the row active and does nothing;
 * one redelivered while the commit ran commits again to the same reference, which is harmless.
 */
@ApplicationScoped
public class WorkloadSnapshots {
    private static final Logger LOG = Logger.getLogger(WorkloadSnapshots.class);
    /** The task states the api-service sets for a server's image (createImage, createBackup). */
    private static final Set<ServerTaskState> IMAGE_TASKS = Set.of(ServerTaskState.IMAGE_SNAPSHOT_PENDING,
            ServerTaskState.IMAGE_BACKUP);

    private final EntityManager em;
    private final WorkloadRows rows;
    private final ComputeRpcApi compute;
    private final ActionEvents events;
    private final ConductorConfig config;

    public WorkloadSnapshots(EntityManager em, WorkloadRows rows, ComputeRpcApi compute, ActionEvents events,
                             ConductorConfig config) {
        this.em = em;
        this.rows = rows;
        this.compute = compute;
        this.events = events;
        this.config = config;
    }

    public void snapshot(RequestContext ctx, ImageRef ref) {
        UUID id = UUID.fromString(ref.imageId());
        Optional<ImageEntity> saving = QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(
                em.find(ImageEntity.class, id)).filter(i -> i.status == ImageStatus.SAVING));
        if (saving.isEmpty()) {
            LOG.infof("image %s: not saving, nothing to do", id);
            return;
        }
        ImageEntity image = saving.get();
        Optional<? extends WorkloadEntity> source = QuarkusTransaction.requiringNew().call(() -> rows.find(
                workloadType(image), image.sourceUuid).filter(w -> w.host != null
                && !(w instanceof ServerEntity s && s.isDeleted())));
        if (source.isEmpty()) {
            end(ctx, image, null, null, "the " + image.sourceKind + " " + image.sourceUuid
                    + " is gone or on no host", ref.rotation());
            return;
        }
        String host = source.get().host;
        String event = event(image);
        QuarkusTransaction.requiringNew().run(() -> events.started(image.sourceUuid, ctx.requestId(), event, host));
        try {
            CommittedImage committed = compute.commitWorkload(host, ctx, new CommitWorkload(image.sourceKind,
                    image.sourceUuid.toString(), image.reference), config.commitTimeout());
            end(ctx, image, host, committed, null, ref.rotation());
        } catch (RpcException e) {
            end(ctx, image, host, null, "Failed to commit " + image.sourceKind + " " + image.sourceUuid + " on host "
                    + host + ": " + e.getMessage(), ref.rotation());
        }
    }

    /**
     * The row, the action's event and the server's task end together; then the host removes what
     * is no longer wanted: a backup's rotated-out predecessors, or the image itself when it was
     * deleted while the host committed it.
     */
    private void end(RequestContext ctx, ImageEntity image, String host, CommittedImage committed, String failure,
                     Integer rotation) {
        List<ImageEntity> toRemove = QuarkusTransaction.requiringNew().call(() -> {
            ImageEntity row = em.find(ImageEntity.class, image.id, LockModeType.PESSIMISTIC_WRITE);
            // deleted while its host committed it: the task ends all the same, and the host's copy goes
            boolean deletedMeanwhile = row != null && row.status == ImageStatus.DELETED;
            if (row == null || row.status != ImageStatus.SAVING && !deletedMeanwhile) {
                return List.<ImageEntity>of();
            }
            if (deletedMeanwhile) {
                row.host = committed == null ? null : host;
            } else {
                row.status = failure == null ? ImageStatus.ACTIVE : ImageStatus.KILLED;
                row.host = failure == null ? host : null;
                row.size = committed == null ? null : committed.size();
                row.updatedAt = Instant.now();
            }
            events.finished(image.sourceUuid, ctx.requestId(), failure);
            if (image.sourceKind.equals(CommitWorkload.SERVER)) {
                rows.lock(ServerEntity.class, image.sourceUuid).filter(s -> IMAGE_TASKS.contains(s.taskState))
                        .ifPresent(s -> s.taskState = null);
            }
            if (deletedMeanwhile) {
                return row.host == null ? List.<ImageEntity>of() : List.of(row);
            }
            return failure == null && rotation != null ? rotate(row, rotation) : List.<ImageEntity>of();
        });
        if (toRemove.stream().anyMatch(i -> i.id.equals(image.id))) {
            LOG.infof("image %s was deleted while %s committed it; the host removes it", image.id, host);
        } else if (failure != null) {
            LOG.warnf("image %s of %s %s: %s", image.id, image.sourceKind, image.sourceUuid, failure);
        } else {
            LOG.infof("image %s of %s %s is active on %s (%s, %d bytes)", image.id, image.sourceKind,
                    image.sourceUuid, host, image.reference, committed.size());
        }
        toRemove.stream().filter(old -> old.host != null).forEach(old -> {
            try {
                compute.removeImage(old.host, ctx, new RemoveImage(old.reference));
            } catch (RpcException e) {
                // the row is deleted: the catalogue shows the image no more; the host keeps the bytes
                LOG.warnf("image %s deleted or rotated out, but host %s was not told to remove %s: %s", old.id, old.host,
                        old.reference, e.getMessage());
            }
        });
    }

    /** The same server's older backups of the same type, beyond the rotation, marked deleted. */
    private List<ImageEntity> rotate(ImageEntity made, int rotation) {
        String type = made.properties.get("backup_type");
        List<ImageEntity> backups = em.createQuery("from ImageEntity i where i.sourceUuid = :server "
                        + "and i.status = :active", ImageEntity.class)
                .setParameter("server", made.sourceUuid).setParameter("active", ImageStatus.ACTIVE).getResultList()
                .stream().filter(i -> "backup".equals(i.properties.get("image_type"))
                        && Objects.equals(type, i.properties.get("backup_type"))).toList();
        List<UUID> excess = BackupRotation.excess(backups.stream()
                .map(b -> new BackupRotation.Backup(b.id, b.createdAt, b.protectedImage)).toList(), rotation);
        List<ImageEntity> deleted = backups.stream().filter(b -> excess.contains(b.id)).toList();
        deleted.forEach(b -> {
            b.status = ImageStatus.DELETED;
            b.updatedAt = Instant.now();
            LOG.infof("backup %s of server %s rotated out (%s, rotation %d)", b.id, made.sourceUuid, type, rotation);
        });
        return deleted;
    }

    /**
     * Images still saving long after their commit could have ended (a conductor that died mid-call
     * and a message that never came back) are killed, and their server's task ends: nothing stays
     * saving past the commit timeout and one reconcile period.
     */
    @Scheduled(every = "${windlass.conductor.reconcile-interval:30s}", delayed = "${windlass.conductor.reconcile-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void killStale() {
        Instant cutoff = Instant.now().minus(config.commitTimeout()).minus(config.reconcileInterval());
        try {
            List<ImageEntity> stale = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                    "from ImageEntity i where i.status = :saving and i.updatedAt < :cutoff", ImageEntity.class)
                    .setParameter("saving", ImageStatus.SAVING).setParameter("cutoff", cutoff).getResultList());
            RequestContext ctx = RequestContext.internal("conductor-service");
            stale.forEach(image -> end(ctx, image, null, null, "the host never answered the commit within "
                    + config.commitTimeout(), null));
        } catch (RuntimeException e) {
            // the database away (a restart, a failover): the next round looks again
            LOG.warnf("looking for stale images failed, next round in %s: %s", config.reconcileInterval(),
                    e.getMessage());
        }
    }

    private static Class<? extends WorkloadEntity> workloadType(ImageEntity image) {
        return image.sourceKind.equals(CommitWorkload.SERVER) ? ServerEntity.class : ContainerEntity.class;
    }

    /** The action event, as Nova and Zun name the step. */
    private static String event(ImageEntity image) {
        if (image.sourceKind.equals(CommitWorkload.CONTAINER)) {
            return "compute__do_container_commit";
        }
        return "backup".equals(image.properties.get("image_type")) ? "compute_backup_instance"
                : "compute_snapshot_instance";
    }
}
