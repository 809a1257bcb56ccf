package io.windlass.server;

import io.windlass.migration.persistence.ServerMigrations;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.aggregate.persistence.AggregateHostReader;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.conductor.config.ConductorConfig;
import io.windlass.context.RequestContext;
import io.windlass.migration.persistence.MigrationEntity;
import io.windlass.network.PlacedNetworks;
import io.windlass.network.WorkloadNetworking;
import io.windlass.workload.ActionEvents;
import io.windlass.workload.NetworkSteps;
import io.windlass.rpc.RemoteException;
import io.windlass.rpc.RpcTimeoutException;
import io.windlass.rpc.RpcVersion;
import io.windlass.rpc.RpcVersionCapExceeded;
import io.windlass.rpc.WorkloadIds;
import io.windlass.scheduler.MoveClaim;
import io.windlass.scheduler.SchedulerRpcApi;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.workload.WorkloadRows;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;

/**
 * Nova's evacuate in the conductor ({@code rebuild_instance} with {@code recreate}): the server of a
 * down host gets a claim on another host ({@code scheduler.move_claim}, the source host excluded, the
 * source's claim released), the row names the new host, and that host spawns the server again from
 * the same spec (uuid, name, metadata, flavor, config drive). Its report ends the evacuation as a
 * spawn's report ends a boot; the source host's leftover is removed once that host reports again
 * ({@code ReportDecision}). Safe twice: a redelivery finds the claim moved and the row placed, and the
 * agent's spawn reuses what it made.
 */
@ApplicationScoped
public class ServerEvacuation {
    private static final Logger LOG = Logger.getLogger(ServerEvacuation.class);

    /** Nova's event names for an evacuation: the conductor's rebuild, then the destination's. */
    private static final String SCHEDULE_EVENT = "conductor_rebuild_instance";
    private static final String HOST_EVENT = "compute_rebuild_instance";

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

    public ServerEvacuation(WorkloadRows rows, ServerRules rules, SchedulerRpcApi scheduler, ComputeRpcApi compute,
                            AggregateHostReader aggregates, ConductorConfig config, NetworkSteps peers,
                            ActionEvents events, ServerMigrations migrations) {
        this.events = events;
        this.migrations = migrations;
        this.rows = rows;
        this.networking = peers.networking();
        this.peers = peers;
        this.rules = rules;
        this.scheduler = scheduler;
        this.compute = compute;
        this.aggregates = aggregates;
        this.config = config;
    }

    public void evacuate(RequestContext ctx, EvacuateServer request) {
        UUID uuid = WorkloadIds.parse(request.uuid(), rules.kind());
        ServerEntity row = QuarkusTransaction.requiringNew().call(() -> rows.find(ServerEntity.class, uuid))
                .orElse(null);
        if (row != null && !row.isDeleted() && row.taskState == ServerTaskState.REBUILD_SPAWNING
                && !request.sourceHost().equals(row.host)) {
            // delivered again after the move: the new host is asked again
            spawn(ctx, row, QuarkusTransaction.requiringNew().call(() -> networking.describe(row)));
            return;
        }
        if (!leaving(row, request)) {
            LOG.infof("evacuate server %s: nothing to do (%s)", uuid, row == null ? "no row"
                    : "task " + row.taskState + " on " + row.host);
            return;
        }
        VmState target = ServerRules.evacuatedState(row.vmState, request.stopped());
        Attempt attempt = new Attempt(ctx, uuid, request, Instant.now());
        String refusal = cannotSpawn(target);
        if (refusal != null) {
            fail(attempt, "Cannot evacuate the server: " + refusal);
            return;
        }
        String host;
        try {
            LOG.infof("evacuate server %s: asking the scheduler for a host other than %s%s", uuid,
                    request.sourceHost(), request.host() == null ? "" : " (asked for " + request.host() + ")");
            host = scheduler.moveClaim(ctx, new MoveClaim(rules.resources(row).withRequestedHost(request.host()),
                    request.sourceHost())).host();
        } catch (RemoteException e) {
            fail(attempt, rules.schedulingFailed(e));
            return;
        } catch (RpcTimeoutException e) {
            // a claim the scheduler moves after this counts on its new host until the server is deleted
            fail(attempt, rules.schedulerTimedOut());
            return;
        } catch (RpcVersionCapExceeded e) {
            fail(attempt, "Cannot evacuate the server: " + e.getMessage());
            return;
        }
        // the zone read in the move's transaction, as a build's placement reads it (WorkloadLifecycle)
        Move moved = QuarkusTransaction.requiringNew().call(() -> move(attempt, host,
                aggregates.zoneOf(host).orElse(config.defaultAvailabilityZone()), target));
        if (moved.rowGone()) {
            LOG.infof("evacuate server %s: deleted while scheduling; releasing the claim on %s", uuid, host);
            scheduler.releaseResources(ctx, uuid.toString());
            return;
        }
        if (moved.row() == null) {
            // a delete raced the scheduler: it reaches the old host, whose gone report releases the claim
            LOG.infof("evacuate server %s: the row changed while scheduling; not spawning on %s", uuid, host);
            return;
        }
        spawn(ctx, moved.row(), moved.networks());
    }

    /**
     * @param rowGone the row was deleted while the scheduler worked
     * @param row     the moved row, or null when it no longer waits for the evacuation
     */
    private record Move(boolean rowGone, ServerEntity row, PlacedNetworks networks) {
        Move(boolean rowGone, ServerEntity row) {
            this(rowGone, row, PlacedNetworks.NONE);
        }
    }

    /** One evacuation as the conductor runs it: logged as Nova logs a rebuild, in the request's action. */
    private record Attempt(RequestContext ctx, UUID uuid, EvacuateServer request, Instant started) {
    }

    private Move move(Attempt attempt, String host, String zone, VmState target) {
        UUID uuid = attempt.uuid();
        EvacuateServer request = attempt.request();
        ServerEntity locked = rows.lock(ServerEntity.class, uuid).orElse(null);
        if (locked == null || locked.isDeleted()) {
            return new Move(true, null);
        }
        if (!leaving(locked, request)) {
            return new Move(false, null);
        }
        rules.evacuated(locked, host, zone, target);
        migrations.evacuationScheduled(uuid, host);
        events.ranThenStarted(uuid, attempt.ctx().requestId(), SCHEDULE_EVENT, attempt.started(), HOST_EVENT, host);
        // the ports move with the server: bound to the new host, which is told the networks
        PlacedNetworks bound = networking.place(locked, host);
        LOG.infof("evacuate server %s: moved from %s to %s (zone %s), to end %s", uuid, request.sourceHost(), host,
                zone, target.value());
        return new Move(false, locked, bound);
    }

    /** The row still waits on its source host for this evacuation (the API's task state). */
    private static boolean leaving(ServerEntity row, EvacuateServer request) {
        return row != null && !row.isDeleted() && row.taskState == ServerTaskState.REBUILDING
                && request.sourceHost().equals(row.host);
    }

    /** Why the agents, under the compute cap, cannot spawn the server as it is to end; null when they can. */
    private String cannotSpawn(VmState target) {
        try {
            RpcVersion spawn = compute.versionFor(ComputeRpcApi.SPAWN_SERVER);
            // an older agent would power it on
            return target == VmState.STOPPED && ComputeRpcApi.SPAWNS_STOPPED.isNewerThan(spawn)
                    ? "a server spawned stopped needs compute RPC " + ComputeRpcApi.SPAWNS_STOPPED
                    + " but compute is capped at " + spawn + " while older compute services run"
                    + " (windlass.rpc.version-cap.compute)" : null;
        } catch (RpcVersionCapExceeded e) {
            return e.getMessage();
        }
    }

    /** The server stays on its source host as it was, its task state cleared and the reason recorded. */
    private void fail(Attempt attempt, String reason) {
        EvacuateServer request = attempt.request();
        LOG.infof("evacuate server %s: failed, it stays on %s: %s", attempt.uuid(), request.sourceHost(), reason);
        QuarkusTransaction.requiringNew().run(() -> {
            events.ran(attempt.uuid(), attempt.ctx().requestId(), SCHEDULE_EVENT, attempt.started(), reason);
            rows.lock(ServerEntity.class, attempt.uuid()).filter(r -> leaving(r, request))
                    .ifPresent(r -> {
                        rules.evacuationFailed(r, reason);
                        migrations.evacuationEnded(attempt.uuid(), MigrationEntity.ERROR);
                    });
        });
    }

    private void spawn(RequestContext ctx, ServerEntity row, PlacedNetworks networks) {
        compute.spawnServer(row.host, ctx, rules.spec(row).withNetworks(networks.networks()));
        peers.castAfterPlacement(ctx, networks.networks());
        LOG.infof("evacuate server %s: spawn cast to %s", row.uuid, row.host);
    }
}
