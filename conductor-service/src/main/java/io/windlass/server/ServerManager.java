package io.windlass.server;

import io.windlass.compute.ComputeRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.workload.WorkloadLifecycle;
import io.windlass.workload.WorkloadLifecycles;
import io.windlass.workload.WorkloadManager;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The conductor's server methods ({@code schedule_and_build_instances} and the instance actions
 * of Nova's conductor): each runs the server's {@link WorkloadLifecycle} with the message that
 * reaches the host; evacuate, resize and cold migration have workflows of their own.
 */
@ApplicationScoped
public class ServerManager implements WorkloadManager {
    private final WorkloadLifecycle<ServerEntity, ServerStatusReport> lifecycle;
    private final ServerRules rules;
    private final ComputeRpcApi compute;
    private final ServerEvacuation evacuation;
    private final ServerResize resizes;
    private final ServerShelving shelving;
    private final ServerMigration migration;

    public ServerManager(WorkloadLifecycles lifecycles, ServerRules rules, ComputeRpcApi compute,
                         ServerEvacuation evacuation, ServerResize resizes, ServerShelving shelving,
                         ServerMigration migration) {
        this.rules = rules;
        this.migration = migration;
        this.shelving = shelving;
        this.compute = compute;
        this.evacuation = evacuation;
        this.resizes = resizes;
        this.lifecycle = lifecycles.of(rules,
                (host, row, networks) -> compute.spawnServer(host, RequestContext.internal("conductor-service"),
                        rules.spec(row).withNetworks(networks)),
                (host, row) -> compute.destroyServer(host, RequestContext.internal("conductor-service"),
                        new ServerRef(row.uuid.toString())));
    }

    @Override
    public WorkloadLifecycle<ServerEntity, ServerStatusReport> lifecycle() {
        return lifecycle;
    }

    public void build(RequestContext ctx, ServerRef request) {
        lifecycle.build(ctx, request.uuid(),
                (host, row, networks) -> compute.spawnServer(host, ctx, rules.spec(row).withNetworks(networks)));
    }

    public void act(RequestContext ctx, ServerOperation operation) {
        lifecycle.forward(ctx, operation.uuid(), operation.action().name().toLowerCase(),
                (host, row) -> compute.serverAction(host, ctx, operation));
    }

    /**
     * Rebuilds the server where it is, from what the api-service wrote into its row (image, name,
     * metadata, user data, key): the host replaces the engine workload on the same ports.
     */
    public void rebuild(RequestContext ctx, ServerRef request) {
        lifecycle.forward(ctx, request.uuid(), "rebuild", (host, row) -> compute.rebuildServer(host, ctx,
                rules.spec(row).withNetworks(lifecycle.networksOf(row).networks())));
    }

    public void resize(RequestContext ctx, ServerRef request) {
        resizes.resize(ctx, request);
    }

    /** Nova's cold migration ({@link ServerMigration}). */
    public void migrate(RequestContext ctx, MigrateServer request) {
        migration.migrate(ctx, request);
    }

    public void confirmResize(RequestContext ctx, ServerRef request) {
        resizes.confirm(ctx, request);
    }

    public void revertResize(RequestContext ctx, ServerRef request) {
        resizes.revert(ctx, request);
    }

    public void suspend(RequestContext ctx, ServerRef request) {
        lifecycle.forward(ctx, request.uuid(), "suspend", (host, row) -> compute.suspendServer(host, ctx, request));
    }

    public void resume(RequestContext ctx, ServerRef request) {
        lifecycle.forward(ctx, request.uuid(), "resume", (host, row) -> compute.resumeServer(host, ctx, request));
    }

    /** Nova's rescue: the host starts a rescue system from the image named in the server's place. */
    public void rescue(RequestContext ctx, RescueServer request) {
        lifecycle.forward(ctx, request.uuid(), "rescue", (host, row) -> compute.rescueServer(host, ctx, request));
    }

    public void unrescue(RequestContext ctx, ServerRef request) {
        lifecycle.forward(ctx, request.uuid(), "unrescue", (host, row) -> compute.unrescueServer(host, ctx, request));
    }

    /** Nova's shelve and shelveOffload ({@link ServerShelving}). */
    public void shelve(RequestContext ctx, ServerRef request) {
        shelving.shelve(ctx, request);
    }

    /**
     * Nova's unshelve: a shelved server is powered on where it is; an offloaded one is built again
     * (scheduled, its ports bound to the new host, spawned from its shelved image), so it is re-driven
     * and timed out as a boot is.
     */
    public void unshelve(RequestContext ctx, ServerRef request) {
        switch (shelving.unshelve(request)) {
            case SPAWN -> build(ctx, request);
            case POWER_ON -> lifecycle.forward(ctx, request.uuid(), "unshelve", (host, row) -> compute.serverAction(
                    host, ctx, new ServerOperation(request.uuid(), ServerAction.START)));
            case NOTHING -> { }
        }
    }

    public void delete(RequestContext ctx, ServerRef request) {
        lifecycle.delete(ctx, request.uuid(), (host, row) -> {
            compute.destroyServer(host, ctx, request);
            // moved and not yet confirmed: the copy on the host it left goes too
            migration.deleted(ctx, row);
        });
    }

    public void report(RequestContext ctx, ServerStatusReport report) {
        lifecycle.apply(ctx, report);
    }

    /** Rebuilds the server of a down host on another host ({@link ServerEvacuation}). */
    public void evacuate(RequestContext ctx, EvacuateServer request) {
        evacuation.evacuate(ctx, request);
    }
}
