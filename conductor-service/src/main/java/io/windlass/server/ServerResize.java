package io.windlass.server;

import io.windlass.migration.persistence.ServerMigrations;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.conductor.config.ConductorConfig;
import io.windlass.migration.persistence.MigrationEntity;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RemoteException;
import io.windlass.rpc.RpcException;
import io.windlass.rpc.WorkloadIds;
import io.windlass.scheduler.ResizeClaim;
import io.windlass.scheduler.SchedulerRpcApi;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.workload.ActionEvents;
import io.windlass.workload.WorkloadRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Nova's resize, on the server's own host when it has room ({@link ServerMigration} moves the server
 * to another host when it has not, and confirms or reverts such a move): the claim grows to hold the larger of the old and new
 * flavors (so a revert always fits), the host changes the limits live, and the server waits in
 * VERIFY_RESIZE on its new flavor until it is confirmed (the claim shrinks to the new flavor) or
 * reverted (the host goes back to the old limits, then the claim). A step that fails leaves the
 * server as it was before it, its claim put back, and the reason in the action's event.
 */
@ApplicationScoped
public class ServerResize {
    private static final Logger LOG = Logger.getLogger(ServerResize.class);

    private final WorkloadRows rows;
    private final SchedulerRpcApi scheduler;
    private final ComputeRpcApi compute;
    private final ActionEvents events;
    private final ConductorConfig config;
    private final EntityManager em;
    private final ServerMigrations migrations;
    private final ServerMigration moves;

    public ServerResize(WorkloadRows rows, SchedulerRpcApi scheduler, ComputeRpcApi compute, ActionEvents events,
                        ConductorConfig config, EntityManager em, ServerMigrations migrations,
                        ServerMigration moves) {
        this.migrations = migrations;
        this.moves = moves;
        this.config = config;
        this.em = em;
        this.rows = rows;
        this.scheduler = scheduler;
        this.compute = compute;
        this.events = events;
    }

    public void resize(RequestContext ctx, ServerRef ref) {
        UUID uuid = WorkloadIds.parse(ref.uuid(), "server");
        Optional<ServerEntity> found = live(uuid, s -> s.taskState == ServerTaskState.RESIZE_PREP && s.newFlavor != null
                && s.host != null);
        if (found.isEmpty()) {
            LOG.infof("resize server %s: nothing to do", uuid);
            return;
        }
        ServerEntity row = found.get();
        FlavorSnapshot current = flavorOf(row);
        FlavorSnapshot target = row.newFlavor;
        Instant claiming = Instant.now();
        try {
            scheduler.resizeClaim(ctx, new ResizeClaim(uuid.toString(), Math.max(current.vcpus(), target.vcpus()),
                    Math.max(current.memoryMb(), target.memoryMb())));
        } catch (RpcException e) {
            if (e instanceof RemoteException r && SchedulerRpcApi.RESOURCES_UNAVAILABLE.equals(r.type())) {
                // no room here for the larger flavor: the server moves to a host that has it, as Nova's
                // resize does (its claim is as it was)
                LOG.infof("resize server %s: no room on %s for %s; moving it to another host", uuid, row.host,
                        target.name());
                moves.migrate(ctx, new MigrateServer(uuid.toString(), null));
                return;
            }
            String reason = e instanceof RemoteException r ? "No valid host was found. " + r.getMessage()
                    : "The scheduler did not answer the resize claim: " + e.getMessage();
            if (!(e instanceof RemoteException)) {
                // unanswered, the claim may have grown after all
                restoreClaim(ctx, uuid, current);
            }
            QuarkusTransaction.requiringNew().run(() -> {
                events.ran(uuid, ctx.requestId(), "compute_prep_resize", claiming, reason);
                migrations.failed(uuid);
                abandon(uuid, ServerTaskState.RESIZE_PREP, reason);
            });
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            events.ranThenStarted(uuid, ctx.requestId(), "compute_prep_resize", claiming, "compute_finish_resize",
                    row.host);
            migrations.advance(uuid, MigrationEntity.MIGRATING, MigrationEntity.PRE_MIGRATING);
        });
        try {
            compute.resizeServer(row.host, ctx, new ResizeServer(uuid.toString(), target.vcpus(), target.memoryMb()));
        } catch (RpcException e) {
            String reason = "Failed to resize server on host " + row.host + ": " + e.getMessage();
            restoreClaim(ctx, uuid, current);
            QuarkusTransaction.requiringNew().run(() -> {
                events.finished(uuid, ctx.requestId(), reason);
                migrations.failed(uuid);
                abandon(uuid, ServerTaskState.RESIZE_PREP, reason);
            });
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            events.finished(uuid, ctx.requestId(), null);
            migrations.advance(uuid, MigrationEntity.FINISHED, MigrationEntity.PRE_MIGRATING, MigrationEntity.MIGRATING);
            rows.lock(ServerEntity.class, uuid).filter(s -> s.taskState == ServerTaskState.RESIZE_PREP).ifPresent(s -> {
                s.oldFlavor = current;
                apply(s, target);
                s.newFlavor = null;
                s.vmState = VmState.RESIZED;
                s.taskState = null;
            });
        });
        LOG.infof("resize server %s on %s: %s -> %s, waiting for confirm or revert", uuid, row.host, current.name(),
                target.name());
    }

    /** Keeps the new flavor: the claim shrinks to it (never refused) and the old one is forgotten. */
    public void confirm(RequestContext ctx, ServerRef ref) {
        UUID uuid = WorkloadIds.parse(ref.uuid(), "server");
        if (moves.movedAway(uuid)) {
            moves.confirm(ctx, ref);
            return;
        }
        Optional<ServerEntity> found = live(uuid, s -> s.vmState == VmState.RESIZED
                && s.taskState == ServerTaskState.RESIZE_CONFIRMING);
        if (found.isEmpty()) {
            LOG.infof("confirm resize of server %s: nothing to do", uuid);
            return;
        }
        Instant started = Instant.now();
        FlavorSnapshot kept = flavorOf(found.get());
        try {
            scheduler.resizeClaim(ctx, new ResizeClaim(uuid.toString(), kept.vcpus(), kept.memoryMb()));
        } catch (RpcException e) {
            String reason = "The scheduler did not release the old flavor's share of the claim: " + e.getMessage();
            QuarkusTransaction.requiringNew().run(() -> {
                events.ran(uuid, ctx.requestId(), "compute_confirm_resize", started, reason);
                // still waiting for a confirm or revert, as the server is
                migrations.advance(uuid, MigrationEntity.FINISHED, MigrationEntity.CONFIRMING);
                abandon(uuid, ServerTaskState.RESIZE_CONFIRMING, null);
            });
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            events.ran(uuid, ctx.requestId(), "compute_confirm_resize", started, null);
            migrations.advance(uuid, MigrationEntity.CONFIRMED, MigrationEntity.CONFIRMING, MigrationEntity.FINISHED);
            rows.lock(ServerEntity.class, uuid).filter(s -> s.taskState == ServerTaskState.RESIZE_CONFIRMING)
                    .ifPresent(s -> {
                        s.oldFlavor = null;
                        s.vmState = settled(s);
                        s.taskState = null;
                    });
        });
        LOG.infof("resize of server %s confirmed (%s)", uuid, kept.name());
    }

    /** Goes back to the old flavor: the host first (it may refuse, then nothing changed), then the claim. */
    public void revert(RequestContext ctx, ServerRef ref) {
        UUID uuid = WorkloadIds.parse(ref.uuid(), "server");
        if (moves.movedAway(uuid)) {
            moves.revert(ctx, ref);
            return;
        }
        Optional<ServerEntity> found = live(uuid, s -> s.vmState == VmState.RESIZED
                && s.taskState == ServerTaskState.RESIZE_REVERTING && s.oldFlavor != null && s.host != null);
        if (found.isEmpty()) {
            LOG.infof("revert resize of server %s: nothing to do", uuid);
            QuarkusTransaction.requiringNew().run(() -> abandon(uuid, ServerTaskState.RESIZE_REVERTING, null));
            return;
        }
        ServerEntity row = found.get();
        FlavorSnapshot old = row.oldFlavor;
        QuarkusTransaction.requiringNew().run(() -> events.started(uuid, ctx.requestId(), "compute_revert_resize",
                row.host));
        try {
            compute.resizeServer(row.host, ctx, new ResizeServer(uuid.toString(), old.vcpus(), old.memoryMb()));
        } catch (RpcException e) {
            String reason = "Failed to revert the resize on host " + row.host + ": " + e.getMessage();
            QuarkusTransaction.requiringNew().run(() -> {
                events.finished(uuid, ctx.requestId(), reason);
                migrations.advance(uuid, MigrationEntity.FINISHED, MigrationEntity.REVERTING);
                abandon(uuid, ServerTaskState.RESIZE_REVERTING, null);
            });
            return;
        }
        restoreClaim(ctx, uuid, old);
        QuarkusTransaction.requiringNew().run(() -> {
            events.finished(uuid, ctx.requestId(), null);
            migrations.advance(uuid, MigrationEntity.REVERTED, MigrationEntity.REVERTING, MigrationEntity.FINISHED);
            rows.lock(ServerEntity.class, uuid).filter(s -> s.taskState == ServerTaskState.RESIZE_REVERTING)
                    .ifPresent(s -> {
                        apply(s, old);
                        s.oldFlavor = null;
                        s.vmState = settled(s);
                        s.taskState = null;
                    });
        });
        LOG.infof("resize of server %s reverted to %s", uuid, old.name());
    }

    /**
     * Nova's {@code _poll_unconfirmed_resizes}: servers left in VERIFY_RESIZE past the window are
     * confirmed. Every replica may run it; the row lock and the task state let one confirm each.
     */
    @Scheduled(every = "${windlass.conductor.reconcile-interval:30s}", delayed = "${windlass.conductor.reconcile-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void confirmUnconfirmed() {
        Duration window = config.resizeConfirmWindow();
        if (window.isZero()) {
            return;
        }
        Instant cutoff = Instant.now().minus(window);
        List<UUID> due;
        try {
            due = QuarkusTransaction.requiringNew().call(() -> em.createQuery("select s.uuid from ServerEntity s "
                    + "where s.vmState = :resized and s.taskState is null and s.deletedAt is null and s.updatedAt < :cutoff",
                    UUID.class).setParameter("resized", VmState.RESIZED).setParameter("cutoff", cutoff).getResultList());
        } catch (RuntimeException e) {
            // the database away (a restart, a failover): the next round looks again
            LOG.warnf("looking for unconfirmed resizes failed, next round in %s: %s", config.reconcileInterval(),
                    e.getMessage());
            return;
        }
        RequestContext ctx = RequestContext.internal("conductor-service");
        for (UUID uuid : due) {
            boolean claimed = QuarkusTransaction.requiringNew().call(() -> rows.lock(ServerEntity.class, uuid)
                    .filter(s -> s.vmState == VmState.RESIZED && s.taskState == null).map(s -> {
                        s.taskState = ServerTaskState.RESIZE_CONFIRMING;
                        migrations.advance(uuid, MigrationEntity.CONFIRMING, MigrationEntity.FINISHED);
                        return true;
                    }).orElse(false));
            if (claimed) {
                LOG.infof("server %s: resized more than %s ago; confirming", uuid, window);
                confirm(ctx, new ServerRef(uuid.toString()));
            }
        }
    }

    private Optional<ServerEntity> live(UUID uuid, Predicate<ServerEntity> waiting) {
        return QuarkusTransaction.requiringNew().call(() -> rows.find(ServerEntity.class, uuid)
                .filter(s -> !s.isDeleted()).filter(waiting));
    }

    /** The step did not happen: the task ends and the server is as it was (a reason goes in the fault). */
    private void abandon(UUID uuid, ServerTaskState task, String reason) {
        rows.lock(ServerEntity.class, uuid).filter(s -> s.taskState == task).ifPresent(s -> {
            s.taskState = null;
            s.newFlavor = null;
            if (reason != null) {
                s.fault = ServerFaults.of(500, reason, null);
            }
            LOG.infof("server %s: %s did not happen%s", uuid, task.value(), reason == null ? "" : ": " + reason);
        });
    }

    private void restoreClaim(RequestContext ctx, UUID uuid, FlavorSnapshot flavor) {
        try {
            scheduler.resizeClaim(ctx, new ResizeClaim(uuid.toString(), flavor.vcpus(), flavor.memoryMb()));
        } catch (RpcException e) {
            LOG.errorf("server %s: could not set the claim to %s (%d vCPU, %d MiB): %s", uuid, flavor.name(),
                    flavor.vcpus(), flavor.memoryMb(), e.getMessage());
        }
    }

    /** A stopped server stays stopped through a resize, as Nova's does. */
    static VmState settled(ServerEntity s) {
        return s.powerState == PowerState.SHUTDOWN || s.powerState == PowerState.CRASHED ? VmState.STOPPED
                : VmState.ACTIVE;
    }

    static FlavorSnapshot flavorOf(ServerEntity s) {
        return new FlavorSnapshot(s.flavorId, s.flavorName, s.vcpus, s.memoryMb, s.rootGb, s.ephemeralGb, s.swap,
                s.flavorExtraSpecs);
    }

    static void apply(ServerEntity s, FlavorSnapshot f) {
        s.flavorId = f.flavorId();
        s.flavorName = f.name();
        s.vcpus = f.vcpus();
        s.memoryMb = f.memoryMb();
        s.rootGb = f.rootGb();
        s.ephemeralGb = f.ephemeralGb();
        s.swap = f.swap();
        s.flavorExtraSpecs = new HashMap<>(f.extraSpecs());
    }
}
