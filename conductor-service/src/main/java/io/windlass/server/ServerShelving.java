package io.windlass.server;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.conductor.config.ConductorConfig;
import io.windlass.context.RequestContext;
import io.windlass.image.CommittedImage;
import io.windlass.image.ImageStatus;
import io.windlass.image.StoreImage;
import io.windlass.image.persistence.ImageEntity;
import io.windlass.network.WorkloadNetworking;
import io.windlass.rpc.RpcException;
import io.windlass.rpc.RpcVersionCapExceeded;
import io.windlass.rpc.WorkloadIds;
import io.windlass.scheduler.SchedulerRpcApi;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.workload.ActionEvents;
import io.windlass.workload.NetworkSteps;
import io.windlass.workload.WorkloadRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Nova's shelve, shelve offload and unshelve in the conductor. The api-service has written the
 * shelved image's row ({@code saving}), named it in the server's row and set the task state; the
 * server's host powers it off, commits it to that image and, when it is offloaded, removes it
 * (compute {@code shelve_server}, a call). The server then ends {@code shelved} on its host or
 * {@code shelved_offloaded} on none, its claim released and its ports unbound. An unshelve powers a
 * shelved server on where it is, and schedules an offloaded one anew ({@link Unshelve}): it is
 * spawned from its shelved image with the same uuid and ports. The shelved image is then pushed into
 * the image store by its host, so that an offloaded server may come back on any host.
 */
@ApplicationScoped
public class ServerShelving {
    private static final Logger LOG = Logger.getLogger(ServerShelving.class);

    private final WorkloadRows rows;
    private final ComputeRpcApi compute;
    private final SchedulerRpcApi scheduler;
    private final ConductorConfig config;
    private final ActionEvents events;
    private final WorkloadNetworking networking;
    private final EntityManager em;

    public ServerShelving(WorkloadRows rows, ComputeRpcApi compute, SchedulerRpcApi scheduler, ConductorConfig config,
                          ActionEvents events, NetworkSteps networks, EntityManager em) {
        this.rows = rows;
        this.compute = compute;
        this.scheduler = scheduler;
        this.config = config;
        this.events = events;
        this.networking = networks.networking();
        this.em = em;
    }

    /**
     * What the host is asked: a shelve commits to the shelved image, and offloads too when shelved
     * servers are offloaded at once; an offload only removes.
     */
    private record Step(UUID uuid, String host, ServerTaskState task, String reference, UUID imageId,
                        boolean offload) {
        String event() {
            return task == ServerTaskState.SHELVING ? "compute_shelve_instance" : "compute_shelve_offload_instance";
        }
    }

    /** The offload of a shelve, decided from the task and {@code shelved-offload-time}. */
    static boolean offloadsNow(ServerTaskState task, java.time.Duration shelvedOffloadTime) {
        return task == ServerTaskState.SHELVING_OFFLOADING || shelvedOffloadTime.isZero();
    }

    /**
     * Runs the shelve (or offload) the row's task state asks for. Delivered again, it finds the task
     * ended and does nothing; delivered again while the host worked, the host does it again (the
     * commit moves the same tag), and only the first end is applied.
     */
    public void shelve(RequestContext ctx, ServerRef request) {
        UUID uuid = WorkloadIds.parse(request.uuid(), "server");
        // the step and the start of its event in one transaction
        Optional<Step> found = QuarkusTransaction.requiringNew().call(() -> {
            Optional<Step> waiting = rows.find(ServerEntity.class, uuid)
                    .filter(s -> !s.isDeleted() && s.host != null && (s.taskState == ServerTaskState.SHELVING
                            || s.taskState == ServerTaskState.SHELVING_OFFLOADING))
                    .map(s -> new Step(uuid, s.host, s.taskState,
                            s.taskState == ServerTaskState.SHELVING ? s.shelvedImage : null,
                            s.taskState == ServerTaskState.SHELVING ? s.shelvedImageId : null,
                            offloadsNow(s.taskState, config.shelvedOffloadTime())));
            waiting.ifPresent(step -> events.started(uuid, ctx.requestId(), step.event(), step.host()));
            return waiting;
        });
        if (found.isEmpty()) {
            LOG.infof("shelve server %s: nothing to do (no shelve or offload waiting)", uuid);
            return;
        }
        Step step = found.get();
        CommittedImage committed = null;
        String failure = null;
        try {
            committed = compute.shelveServer(step.host(), ctx, new ShelveServer(uuid.toString(), step.reference(),
                    step.offload()), config.commitTimeout());
        } catch (RpcException e) {
            failure = "Failed to " + (step.task() == ServerTaskState.SHELVING ? "shelve" : "offload") + " server "
                    + uuid + " on host " + step.host() + ": " + e.getMessage();
        }
        CommittedImage image = committed;
        String reason = failure;
        boolean applied = QuarkusTransaction.requiringNew().call(() -> end(ctx, step, image, reason));
        if (reason != null) {
            LOG.warnf("shelve server %s: %s", uuid, reason);
        } else if (applied && step.offload()) {
            // the claim goes after the row names no host: a build meanwhile may take the room
            scheduler.releaseResources(ctx, uuid.toString());
            LOG.infof("server %s shelved and offloaded from %s", uuid, step.host());
        } else if (applied) {
            LOG.infof("server %s shelved on %s", uuid, step.host());
        }
        if (applied && reason == null && step.imageId() != null) {
            store(ctx, step);
        }
    }

    /**
     * The shelved image into the image store, as Nova's shelve uploads its snapshot to Glance: its
     * host pushes the archive (compute {@code store_image}), after which an unshelve may go to any
     * host. Until then, or when the push fails, the image is on its host only and the unshelve goes there.
     */
    private void store(RequestContext ctx, Step step) {
        try {
            compute.storeImage(step.host(), ctx, new StoreImage(step.imageId().toString(), step.reference()));
        } catch (RpcVersionCapExceeded e) {
            LOG.infof("shelved image %s stays on host %s only: %s", step.imageId(), step.host(), e.getMessage());
        } catch (RpcException e) {
            LOG.warnf("shelved image %s stays on host %s only: it was not asked to store it: %s", step.imageId(),
                    step.host(), e.getMessage());
        }
    }

    /** The image, the row and the action's event end together. @return whether the row took the end */
    private boolean end(RequestContext ctx, Step step, CommittedImage committed, String failure) {
        ServerEntity s = rows.lock(ServerEntity.class, step.uuid()).filter(r -> !r.isDeleted()
                && r.taskState == step.task() && step.host().equals(r.host)).orElse(null);
        if (step.reference() != null) {
            UUID imageId = s == null ? null : s.shelvedImageId;
            ImageEntity image = imageId == null ? null : em.find(ImageEntity.class, imageId,
                    LockModeType.PESSIMISTIC_WRITE);
            if (image != null && image.status == ImageStatus.SAVING) {
                image.status = failure == null ? ImageStatus.ACTIVE : ImageStatus.KILLED;
                image.host = failure == null ? step.host() : null;
                image.size = committed == null ? null : committed.size();
                image.updatedAt = Instant.now();
            }
        }
        events.finished(step.uuid(), ctx.requestId(), failure);
        if (s == null) {
            LOG.infof("shelve server %s: deleted or changed while its host worked; its end is not applied",
                    step.uuid());
            return false;
        }
        s.taskState = null;
        if (failure != null) {
            if (step.task() == ServerTaskState.SHELVING) {
                s.shelvedImageId = null;
                s.shelvedImage = null;
            }
            return false;
        }
        if (step.task() == ServerTaskState.SHELVING) {
            s.shelvedAt = Instant.now();
        }
        if (step.offload()) {
            s.vmState = VmState.SHELVED_OFFLOADED;
            s.powerState = PowerState.NOSTATE;
            s.host = null;
            s.engineId = null;
            // the ports stay the server's, bound to no host until it is unshelved
            networking.unplace(s);
        } else {
            s.vmState = VmState.SHELVED;
            s.powerState = PowerState.SHUTDOWN;
        }
        return true;
    }

    /** What an unshelve does, decided with its row locked. */
    public enum Unshelve {
        /** No unshelve waits (done, or the server deleted). */
        NOTHING,
        /** Shelved on its host: powered on there ({@code powering-on}). */
        POWER_ON,
        /** Offloaded: scheduled and spawned from its shelved image, as a boot is. */
        SPAWN
    }

    /** Starts an unshelve: a shelved server's task becomes Nova's {@code powering-on}. */
    public Unshelve unshelve(ServerRef request) {
        UUID uuid = WorkloadIds.parse(request.uuid(), "server");
        return QuarkusTransaction.requiringNew().call(() -> rows.lock(ServerEntity.class, uuid)
                .filter(s -> !s.isDeleted() && s.taskState == ServerTaskState.UNSHELVING)
                .map(s -> {
                    if (s.vmState == VmState.SHELVED_OFFLOADED && s.host == null) {
                        return Unshelve.SPAWN;
                    }
                    s.taskState = ServerTaskState.POWERING_ON;
                    return Unshelve.POWER_ON;
                }).orElse(Unshelve.NOTHING));
    }

    /**
     * Nova's {@code _poll_shelved_instances}: servers shelved on their host for longer than
     * {@code shelved-offload-time} are offloaded. Off when it is 0 (offloaded at once) or negative (never).
     */
    @Scheduled(every = "${windlass.conductor.reconcile-interval:30s}", delayed = "${windlass.conductor.reconcile-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void offloadShelved() {
        if (config.shelvedOffloadTime().isZero() || config.shelvedOffloadTime().isNegative()) {
            return;
        }
        Instant cutoff = Instant.now().minus(config.shelvedOffloadTime());
        try {
            List<UUID> due = QuarkusTransaction.requiringNew().call(() -> {
                List<ServerEntity> shelved = em.createQuery("from ServerEntity s where s.vmState = :shelved "
                                + "and s.taskState is null and s.deletedAt is null and s.shelvedAt < :cutoff",
                        ServerEntity.class).setParameter("shelved", VmState.SHELVED).setParameter("cutoff", cutoff)
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
                shelved.forEach(s -> s.taskState = ServerTaskState.SHELVING_OFFLOADING);
                return shelved.stream().map(s -> s.uuid).toList();
            });
            RequestContext ctx = RequestContext.internal("conductor-service");
            due.forEach(uuid -> shelve(ctx, new ServerRef(uuid.toString())));
        } catch (RuntimeException e) {
            // the database away (a restart, a failover): the next round looks again
            LOG.warnf("looking for shelved servers to offload failed, next round in %s: %s",
                    config.reconcileInterval(), e.getMessage());
        }
    }
}
