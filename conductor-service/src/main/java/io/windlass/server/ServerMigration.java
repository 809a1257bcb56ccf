package io.windlass.server;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.aggregate.persistence.AggregateHostReader;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.conductor.config.ConductorConfig;
import io.windlass.context.RequestContext;
import io.windlass.image.ImageStatus;
import io.windlass.image.RemoveImage;
import io.windlass.image.StoreImage;
import io.windlass.image.persistence.ImageEntity;
import io.windlass.image.UnneededImages;
import io.windlass.migration.persistence.MigrationEntity;
import io.windlass.migration.persistence.ServerMigrations;
import io.windlass.network.PlacedNetworks;
import io.windlass.network.WorkloadNetworking;
import io.windlass.rpc.RemoteException;
import io.windlass.rpc.RpcException;
import io.windlass.rpc.RpcVersionCapExceeded;
import io.windlass.rpc.WorkloadIds;
import io.windlass.scheduler.MoveClaim;
import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.ReturnClaim;
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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Nova's cold migration, and a resize that moves the server ({@code migrate_server}), in the
 * conductor. Nova copies the disk between hosts; here the guest travels as an image:
 * <ol>
 * <li>the scheduler claims on another host and keeps the source's claim under the migration's uuid
 * ({@code move_claim} 1.4), so that a revert finds its room;</li>
 * <li>the source powers the guest off and commits it ({@code shelve_server} without offload), and
 * pushes the commit into the image store ({@code store_image});</li>
 * <li>the row names the new host, its ports move there, and that host spawns the server from the
 * image, on the new flavor ({@code resize_finish}); its report leaves the server in VERIFY_RESIZE.
 * The source keeps its stopped copy meanwhile ({@code servers.migration_source}), whose reports are
 * not the server's.</li>
 * </ol>
 * A confirm removes the source's copy and releases its held claim; a revert removes the new host's
 * copy, returns the claim, moves the ports back and powers the source's copy on if the server ran.
 * A step that fails before the new host spawns puts everything back as it was. Each step is safe to
 * run twice: a redelivered message finds the row's task state further on and resumes from there.
 */
@ApplicationScoped
public class ServerMigration {
    private static final Logger LOG = Logger.getLogger(ServerMigration.class);

    /** Nova's event names of a cold migration: the conductor's, the destination's claim, the source's, the destination's spawn. */
    static final String CONDUCTOR_EVENT = "conductor_migrate_server";
    static final String PREP_EVENT = "compute_prep_resize";
    static final String SOURCE_EVENT = "compute_resize_instance";
    static final String FINISH_EVENT = "compute_finish_resize";

    private final WorkloadRows rows;
    private final ServerRules rules;
    private final SchedulerRpcApi scheduler;
    private final ComputeRpcApi compute;
    private final AggregateHostReader aggregates;
    private final ConductorConfig config;
    private final WorkloadNetworking networking;
    private final NetworkSteps peers;
    private final ActionEvents events;
    private final ServerMigrations migrations;
    private final EntityManager em;
    private final UnneededImages images;

    public ServerMigration(WorkloadRows rows, ServerRules rules, SchedulerRpcApi scheduler, ComputeRpcApi compute,
                           AggregateHostReader aggregates, ConductorConfig config, NetworkSteps peers,
                           ActionEvents events, ServerMigrations migrations, EntityManager em, UnneededImages images) {
        this.rows = rows;
        this.rules = rules;
        this.scheduler = scheduler;
        this.compute = compute;
        this.aggregates = aggregates;
        this.config = config;
        this.networking = peers.networking();
        this.peers = peers;
        this.events = events;
        this.migrations = migrations;
        this.em = em;
        this.images = images;
    }

    /** The server as this move reads it, with its open migration record. */
    private record Move(UUID uuid, UUID migration, String source, FlavorSnapshot target, ServerTaskState task,
                        String destination, UUID imageId) {
        String reference() {
            return ImageEntity.referenceOf(imageId);
        }
    }

    public void migrate(RequestContext ctx, MigrateServer request) {
        UUID uuid = WorkloadIds.parse(request.uuid(), "server");
        Optional<Move> found = QuarkusTransaction.requiringNew().call(() -> read(uuid));
        if (found.isEmpty()) {
            LOG.infof("migrate server %s: nothing to do", uuid);
            return;
        }
        Move move = found.get();
        switch (move.task()) {
            case RESIZE_PREP -> schedule(ctx, move, request.host());
            // delivered again while the source worked, or after the spawn was cast: resumed from there
            case RESIZE_MIGRATING -> transfer(ctx, move);
            case RESIZE_FINISH -> spawn(ctx, uuid);
            default -> LOG.infof("migrate server %s: nothing to do in %s", uuid, move.task());
        }
    }

    private Optional<Move> read(UUID uuid) {
        return rows.find(ServerEntity.class, uuid).filter(s -> !s.isDeleted() && s.host != null)
                .filter(s -> s.taskState == ServerTaskState.RESIZE_PREP && s.newFlavor != null
                        || s.taskState == ServerTaskState.RESIZE_MIGRATING && s.migrationImageId != null
                        || s.taskState == ServerTaskState.RESIZE_FINISH && s.migrationSource != null)
                .flatMap(s -> migrations.open(uuid).map(m -> new Move(uuid, m.uuid,
                        s.migrationSource != null ? s.migrationSource : s.host,
                        s.newFlavor != null ? s.newFlavor : ServerResize.flavorOf(s), s.taskState, m.destCompute,
                        s.migrationImageId)));
    }

    /** Why this move cannot be done under the version caps; null when it can. */
    private String cannotMove(boolean stopped) {
        try {
            if (SchedulerRpcApi.HOLDS_SOURCE.isNewerThan(scheduler.versionFor(SchedulerRpcApi.MOVE_CLAIM))) {
                return "moving a server keeps its source's claim, which needs scheduler RPC "
                        + SchedulerRpcApi.HOLDS_SOURCE + " (windlass.rpc.version-cap.scheduler)";
            }
            compute.versionFor(ComputeRpcApi.STORE_IMAGE);
            compute.versionFor(ComputeRpcApi.SHELVE_SERVER);
            if (stopped && ComputeRpcApi.SPAWNS_STOPPED.isNewerThan(compute.versionFor(ComputeRpcApi.SPAWN_SERVER))) {
                return "a stopped server is spawned stopped, which needs compute RPC " + ComputeRpcApi.SPAWNS_STOPPED
                        + " (windlass.rpc.version-cap.compute)";
            }
            return null;
        } catch (RpcVersionCapExceeded e) {
            return e.getMessage();
        }
    }

    /** Step 1: a claim on another host, the source's kept under the migration. */
    private void schedule(RequestContext ctx, Move move, String askedHost) {
        UUID uuid = move.uuid();
        Instant started = Instant.now();
        ServerEntity row = QuarkusTransaction.requiringNew().call(() -> rows.find(ServerEntity.class, uuid))
                .orElse(null);
        if (row == null) {
            return;
        }
        String refusal = cannotMove(row.vmState == VmState.STOPPED);
        if (refusal != null) {
            notScheduled(ctx, move, started, "Cannot migrate the server: " + refusal);
            return;
        }
        FlavorSnapshot f = move.target();
        ResourceRequest request = new ResourceRequest(uuid.toString(), rules.kind(), row.projectId, f.vcpus(),
                f.memoryMb(), f.rootGb(), row.requestedZone, askedHost, f.extraSpecs() == null ? Map.of()
                : f.extraSpecs(), row.schedulerHints == null ? Map.of() : row.schedulerHints, Map.of());
        String host;
        try {
            LOG.infof("migrate server %s: asking the scheduler for a host other than %s%s", uuid, move.source(),
                    askedHost == null ? "" : " (asked for " + askedHost + ")");
            host = scheduler.moveClaim(ctx, new MoveClaim(request, move.source(), move.migration().toString())).host();
        } catch (RemoteException e) {
            notScheduled(ctx, move, started, rules.schedulingFailed(e));
            return;
        } catch (RpcException e) {
            // unanswered: the claim may have moved after all; giving it back is safe either way
            returnClaim(ctx, move);
            notScheduled(ctx, move, started, rules.schedulerTimedOut());
            return;
        }
        Optional<Move> moving = QuarkusTransaction.requiringNew().call(() -> rows.lock(ServerEntity.class, uuid)
                .filter(s -> !s.isDeleted() && s.taskState == ServerTaskState.RESIZE_PREP).map(s -> {
                    ImageEntity image = image(s);
                    s.taskState = ServerTaskState.RESIZE_MIGRATING;
                    s.migrationSource = move.source();
                    s.migrationImageId = image.id;
                    migrations.migrating(uuid, host);
                    events.ran(uuid, ctx.requestId(), CONDUCTOR_EVENT, started, null);
                    events.ran(uuid, ctx.requestId(), PREP_EVENT, started, null);
                    events.started(uuid, ctx.requestId(), SOURCE_EVENT, move.source());
                    return new Move(uuid, move.migration(), move.source(), move.target(), s.taskState, host, image.id);
                }));
        if (moving.isEmpty()) {
            boolean deleted = QuarkusTransaction.requiringNew().call(() -> rows.find(ServerEntity.class, uuid)
                    .map(ServerEntity::isDeleted).orElse(true));
            if (deleted) {
                // its delete released the claim it had then; both claims the move made go too
                LOG.infof("migrate server %s: deleted while scheduling; releasing the claims on %s and %s", uuid,
                        host, move.source());
                scheduler.releaseResources(ctx, uuid.toString());
                scheduler.releaseResources(ctx, move.migration().toString());
                return;
            }
            // reset while the scheduler worked: nothing moved but the claim
            LOG.infof("migrate server %s: changed while scheduling; giving the claim back", uuid);
            returnClaim(ctx, move);
            return;
        }
        LOG.infof("migrate server %s: %s -> %s", uuid, move.source(), host);
        transfer(ctx, moving.get());
    }

    /** The image the guest's disk travels in, written {@code saving} as a snapshot's is. */
    private ImageEntity image(ServerEntity s) {
        ImageEntity image = new ImageEntity();
        image.id = UUID.randomUUID();
        image.name = s.name + "-migration";
        image.reference = ImageEntity.referenceOf(image.id);
        image.status = ImageStatus.SAVING;
        image.owner = s.projectId;
        image.sourceKind = ImageEntity.FROM_SERVER;
        image.sourceUuid = s.uuid;
        image.properties = new HashMap<>(Map.of("instance_uuid", s.uuid.toString(), "image_type", "migration"));
        image.minDisk = s.rootGb;
        image.createdAt = Instant.now();
        image.updatedAt = image.createdAt;
        em.persist(image);
        return image;
    }

    /** Step 2: the source powers the guest off and commits it, and the commit goes into the store. */
    private void transfer(RequestContext ctx, Move move) {
        UUID uuid = move.uuid();
        String failure = null;
        try {
            var committed = compute.shelveServer(move.source(), ctx, new ShelveServer(uuid.toString(),
                    move.reference(), false), config.commitTimeout());
            QuarkusTransaction.requiringNew().run(() -> {
                ImageEntity image = em.find(ImageEntity.class, move.imageId(), LockModeType.PESSIMISTIC_WRITE);
                if (image != null && image.status == ImageStatus.SAVING) {
                    image.status = ImageStatus.ACTIVE;
                    image.host = move.source();
                    image.size = committed == null ? null : committed.size();
                    image.updatedAt = Instant.now();
                }
            });
            compute.storeImage(move.source(), ctx, new StoreImage(move.imageId().toString(), move.reference()));
            if (!stored(move.imageId())) {
                failure = "The guest's image did not reach the image store within " + config.commitTimeout().toSeconds()
                        + " s.";
            }
        } catch (RpcException e) {
            failure = "Failed to commit server " + uuid + " on host " + move.source() + ": " + e.getMessage();
        }
        if (failure != null) {
            putBack(ctx, move, failure);
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> rows.lock(ServerEntity.class, uuid)
                .filter(s -> !s.isDeleted() && s.taskState == ServerTaskState.RESIZE_MIGRATING).ifPresent(s -> {
                    events.finished(uuid, ctx.requestId(), null);
                    String zone = aggregates.zoneOf(move.destination()).orElse(config.defaultAvailabilityZone());
                    rules.moved(s, move.destination(), zone, move.target());
                    migrations.advance(uuid, MigrationEntity.POST_MIGRATING, MigrationEntity.MIGRATING);
                    events.started(uuid, ctx.requestId(), FINISH_EVENT, move.destination());
                }));
        spawn(ctx, uuid);
    }

    /** Polls the image until its bytes are in the store (the host pushes them slice by slice). */
    private boolean stored(UUID imageId) {
        Instant deadline = Instant.now().plus(config.commitTimeout());
        while (Instant.now().isBefore(deadline)) {
            Boolean done = QuarkusTransaction.requiringNew().call(() -> {
                ImageEntity image = em.find(ImageEntity.class, imageId);
                return image == null ? null : image.stored();
            });
            if (done == null) {
                return false;
            }
            if (done) {
                return true;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** Step 3: the new host spawns the server from the image, on its ports there. */
    private void spawn(RequestContext ctx, UUID uuid) {
        Optional<Spawn> found = QuarkusTransaction.requiringNew().call(() -> rows.find(ServerEntity.class, uuid)
                .filter(s -> !s.isDeleted() && s.taskState == ServerTaskState.RESIZE_FINISH)
                .map(s -> new Spawn(s.host, rules.spec(s), networking.place(s, s.host))));
        if (found.isEmpty()) {
            return;
        }
        Spawn spawn = found.get();
        compute.spawnServer(spawn.host(), ctx, spawn.spec().withNetworks(spawn.networks().networks()));
        peers.castAfterPlacement(ctx, spawn.networks().networks());
        LOG.infof("migrate server %s: spawn cast to %s", uuid, spawn.host());
    }

    private record Spawn(String host, ServerSpec spec, PlacedNetworks networks) {
    }

    /** Scheduling failed: the server stays where it was, as it was; the reason is the event's and the fault's. */
    private void notScheduled(RequestContext ctx, Move move, Instant started, String reason) {
        LOG.infof("migrate server %s: stays on %s: %s", move.uuid(), move.source(), reason);
        QuarkusTransaction.requiringNew().run(() -> {
            events.ran(move.uuid(), ctx.requestId(), CONDUCTOR_EVENT, started, reason);
            migrations.failed(move.uuid());
            rows.lock(ServerEntity.class, move.uuid()).filter(s -> s.taskState == ServerTaskState.RESIZE_PREP)
                    .ifPresent(s -> {
                        s.taskState = null;
                        s.newFlavor = null;
                        s.fault = ServerFaults.of(500, reason, null);
                    });
        });
    }

    /**
     * The source could not hand the guest over: the claims go back, the image goes, and the guest
     * runs again on the source if it ran before.
     */
    private void putBack(RequestContext ctx, Move move, String reason) {
        LOG.warnf("migrate server %s: stays on %s: %s", move.uuid(), move.source(), reason);
        returnClaim(ctx, move);
        boolean restart = QuarkusTransaction.requiringNew().call(() -> {
            events.finished(move.uuid(), ctx.requestId(), reason);
            migrations.failed(move.uuid());
            dropImage(move.imageId());
            return rows.lock(ServerEntity.class, move.uuid()).filter(s -> !s.isDeleted()
                    && s.taskState == ServerTaskState.RESIZE_MIGRATING).map(s -> {
                        s.taskState = null;
                        s.newFlavor = null;
                        s.migrationSource = null;
                        s.migrationImageId = null;
                        s.fault = ServerFaults.of(500, reason, null);
                        return s.vmState == VmState.ACTIVE;
                    }).orElse(false);
        });
        // a commit that was made before the failure leaves its image on the source
        compute.removeImage(move.source(), ctx, new RemoveImage(move.reference()));
        if (restart) {
            compute.serverAction(move.source(), ctx, new ServerOperation(move.uuid().toString(), ServerAction.START));
        }
    }

    private void returnClaim(RequestContext ctx, Move move) {
        try {
            scheduler.returnClaim(ctx, new ReturnClaim(move.uuid().toString(), move.migration().toString()));
        } catch (RpcException e) {
            LOG.errorf("server %s: the claim held on %s by migration %s was not given back: %s", move.uuid(),
                    move.source(), move.migration(), e.getMessage());
        }
    }

    /** The image leaves the catalogue and the store; the hosts' copies are the callers' to remove. */
    private void dropImage(UUID imageId) {
        if (imageId != null) {
            images.delete(em.find(ImageEntity.class, imageId, LockModeType.PESSIMISTIC_WRITE));
        }
    }

    /** What a moved server's confirm or revert needs of it, read with its row locked. */
    private record Moved(UUID uuid, UUID migration, String source, String destination, UUID imageId,
                         FlavorSnapshot old, boolean running) {
        String reference() {
            return ImageEntity.referenceOf(imageId);
        }
    }

    private Optional<Moved> moved(UUID uuid, ServerTaskState task) {
        return QuarkusTransaction.requiringNew().call(() -> rows.find(ServerEntity.class, uuid)
                .filter(s -> !s.isDeleted() && s.vmState == VmState.RESIZED && s.taskState == task
                        && s.migrationSource != null)
                .flatMap(s -> migrations.open(uuid).map(m -> new Moved(uuid, m.uuid, s.migrationSource, s.host,
                        s.migrationImageId, s.oldFlavor, s.powerState == PowerState.RUNNING))));
    }

    /** Whether the server waits in VERIFY_RESIZE on another host than it came from. */
    public boolean movedAway(UUID uuid) {
        return QuarkusTransaction.requiringNew().call(() -> rows.find(ServerEntity.class, uuid)
                .map(s -> s.migrationSource != null).orElse(false));
    }

    /** Keeps the move: the source's copy goes and its held claim is released. */
    public void confirm(RequestContext ctx, ServerRef ref) {
        UUID uuid = WorkloadIds.parse(ref.uuid(), "server");
        Optional<Moved> found = moved(uuid, ServerTaskState.RESIZE_CONFIRMING);
        if (found.isEmpty()) {
            LOG.infof("confirm migration of server %s: nothing to do", uuid);
            return;
        }
        Moved m = found.get();
        Instant started = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            events.ran(uuid, ctx.requestId(), "compute_confirm_resize", started, null);
            migrations.advance(uuid, MigrationEntity.CONFIRMED, MigrationEntity.CONFIRMING, MigrationEntity.FINISHED);
            // the new host runs from the image's bytes, which it removes with the server
            dropImage(m.imageId());
            rows.lock(ServerEntity.class, uuid).filter(s -> s.taskState == ServerTaskState.RESIZE_CONFIRMING)
                    .ifPresent(s -> {
                        s.oldFlavor = null;
                        s.migrationSource = null;
                        s.migrationImageId = null;
                        s.vmState = ServerResize.settled(s);
                        s.taskState = null;
                    });
        });
        // after the row stops keeping the copy: a lost cast leaves a leftover that the source's next
        // report has removed
        leaveSource(ctx, m);
        LOG.infof("migration of server %s confirmed: it stays on %s", uuid, m.destination());
    }

    /** The source's stopped copy, its image and its held claim go (a confirm, or a delete of the moved server). */
    private void leaveSource(RequestContext ctx, Moved m) {
        compute.destroyServer(m.source(), ctx, new ServerRef(m.uuid().toString()));
        compute.removeImage(m.source(), ctx, new RemoveImage(m.reference()));
        scheduler.releaseResources(ctx, m.migration().toString());
    }

    /**
     * Goes back: the new host's copy goes, the claim returns to the source, the ports and the row
     * name the source again, and its copy runs again if the server ran.
     */
    public void revert(RequestContext ctx, ServerRef ref) {
        UUID uuid = WorkloadIds.parse(ref.uuid(), "server");
        Optional<Moved> found = moved(uuid, ServerTaskState.RESIZE_REVERTING);
        if (found.isEmpty()) {
            LOG.infof("revert migration of server %s: nothing to do", uuid);
            return;
        }
        Moved m = found.get();
        Instant started = Instant.now();
        try {
            scheduler.returnClaim(ctx, new ReturnClaim(uuid.toString(), m.migration().toString()));
        } catch (RpcException e) {
            String reason = "The scheduler did not give the source's claim back: " + e.getMessage();
            QuarkusTransaction.requiringNew().run(() -> {
                events.ran(uuid, ctx.requestId(), "compute_revert_resize", started, reason);
                migrations.advance(uuid, MigrationEntity.FINISHED, MigrationEntity.REVERTING);
                rows.lock(ServerEntity.class, uuid).filter(s -> s.taskState == ServerTaskState.RESIZE_REVERTING)
                        .ifPresent(s -> s.taskState = null);
            });
            return;
        }
        PlacedNetworks back = QuarkusTransaction.requiringNew().call(() -> {
            events.ran(uuid, ctx.requestId(), "compute_revert_resize", started, null);
            migrations.advance(uuid, MigrationEntity.REVERTED, MigrationEntity.REVERTING, MigrationEntity.FINISHED);
            dropImage(m.imageId());
            return rows.lock(ServerEntity.class, uuid).filter(s -> s.taskState == ServerTaskState.RESIZE_REVERTING)
                    .map(s -> {
                        String zone = aggregates.zoneOf(m.source()).orElse(config.defaultAvailabilityZone());
                        rules.movedBack(s, m.source(), zone, m.running());
                        return networking.place(s, m.source());
                    }).orElse(PlacedNetworks.NONE);
        });
        // only once the row names the source again: the new host's gone report is then another host's
        // (a leftover that a later report of that host has removed if this cast is lost); the new host
        // removes the image with the copy that ran from it (it is labelled as the server's)
        compute.destroyServer(m.destination(), ctx, ref);
        peers.castAfterPlacement(ctx, back.networks());
        if (m.running()) {
            compute.serverAction(m.source(), ctx, new ServerOperation(uuid.toString(), ServerAction.START));
        }
        LOG.infof("migration of server %s reverted: back on %s", uuid, m.source());
    }

    /**
     * A moved server deleted before its confirm or revert: its host's delete removes it there, and the
     * source's copy, image and held claim go here.
     */
    public void deleted(RequestContext ctx, ServerEntity row) {
        if (row.migrationSource == null) {
            return;
        }
        QuarkusTransaction.requiringNew().call(() -> migrations.open(row.uuid)).ifPresent(m -> {
            leaveSource(ctx, new Moved(row.uuid, m.uuid, row.migrationSource, row.host, row.migrationImageId,
                    row.oldFlavor, false));
            QuarkusTransaction.requiringNew().run(() -> {
                migrations.advance(row.uuid, MigrationEntity.ERROR, MigrationEntity.PRE_MIGRATING,
                        MigrationEntity.MIGRATING, MigrationEntity.POST_MIGRATING, MigrationEntity.FINISHED);
                dropImage(row.migrationImageId);
            });
        });
    }
}
