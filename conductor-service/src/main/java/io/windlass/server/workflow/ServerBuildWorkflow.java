package io.windlass.server.workflow;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.aggregate.persistence.AggregateHostReader;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.conductor.config.ConductorConfig;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RemoteException;
import io.windlass.rpc.RpcTimeoutException;
import io.windlass.rpc.WorkloadIds;
import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.SchedulerRpcApi;
import io.windlass.server.ServerRef;
import io.windlass.server.ServerSpec;
import io.windlass.server.ServerTaskState;
import io.windlass.server.VmState;
import io.windlass.server.persistence.ServerRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * build_server ({@code schedule_and_build_instances} in Nova): ask the scheduler for a host
 * (the flavor's resources, its extra specs matched against aggregate metadata, the zone and
 * hints), record host and zone, then have the host spawn the server. Safe to run twice: the
 * scheduler answers a repeated request with the same claim.
 */
@ApplicationScoped
public class ServerBuildWorkflow {
    private static final Logger LOG = Logger.getLogger(ServerBuildWorkflow.class);
    static final String CONSUMER_TYPE = "server";

    private final SchedulerRpcApi scheduler;
    private final ComputeRpcApi compute;
    private final AggregateHostReader aggregates;
    private final ConductorConfig config;

    public ServerBuildWorkflow(SchedulerRpcApi scheduler, ComputeRpcApi compute, AggregateHostReader aggregates,
                               ConductorConfig config) {
        this.scheduler = scheduler;
        this.compute = compute;
        this.aggregates = aggregates;
        this.config = config;
    }

    public void build(RequestContext ctx, ServerRef request) {
        UUID uuid = WorkloadIds.parse(request.uuid(), "server");
        Optional<ServerRecord> row = QuarkusTransaction.requiringNew().call(() -> ServerRecord.findByUuid(uuid));
        if (row.isEmpty() || row.get().isDeleted() || !VmState.BUILDING.value().equals(row.get().vmState)
                || !ServerTaskState.SCHEDULING.value().equals(row.get().taskState)) {
            LOG.infof("build server %s: nothing to do (%s)", uuid, row.map(r -> r.isDeleted() ? "deleted"
                    : "vm_state " + r.vmState + ", task_state " + r.taskState).orElse("row gone"));
            return;
        }
        ServerRecord server = row.get();
        ResourceRequest resources = new ResourceRequest(uuid.toString(), CONSUMER_TYPE, server.projectId,
                server.vcpus, server.memoryMb, server.rootGb, server.requestedZone, server.requestedHost,
                server.flavorExtraSpecs == null ? Map.of() : server.flavorExtraSpecs,
                server.schedulerHints == null ? Map.of() : server.schedulerHints, Map.of());
        String host;
        try {
            LOG.infof("build server %s: asking the scheduler for %d vCPU, %d MiB, %d GiB", uuid, server.vcpus,
                    server.memoryMb, server.rootGb);
            host = scheduler.selectDestination(ctx, resources).host();
        } catch (RemoteException e) {
            LOG.infof("build server %s: scheduling failed: %s: %s", uuid, e.type(), e.getMessage());
            boolean noHost = SchedulerRpcApi.NO_VALID_HOST.equals(e.type());
            markError(uuid, noHost ? "No valid host was found. " + e.getMessage() : e.getMessage());
            return;
        } catch (RpcTimeoutException e) {
            LOG.warnf("build server %s: %s", uuid, e.getMessage());
            markError(uuid, "The scheduler did not answer in time.");
            scheduler.releaseResources(ctx, uuid.toString());
            return;
        }
        String zone = aggregates.zoneOf(host).orElse(config.defaultAvailabilityZone());
        Optional<ServerSpec> spec = QuarkusTransaction.requiringNew().call(() -> recordHost(uuid, host, zone));
        if (spec == null) {
            LOG.infof("build server %s: deleted while scheduling; releasing the claim on %s", uuid, host);
            scheduler.releaseResources(ctx, uuid.toString());
            return;
        }
        if (spec.isEmpty()) {
            return;
        }
        compute.spawnServer(host, ctx, spec.get());
        LOG.infof("build server %s: spawn_server cast to %s", uuid, host);
    }

    /** @return null when the server is gone or deleted, empty when it is no longer scheduling, else what to spawn */
    private static Optional<ServerSpec> recordHost(UUID uuid, String host, String zone) {
        Optional<ServerRecord> locked = ServerRecord.lockByUuid(uuid);
        if (locked.isEmpty() || locked.get().isDeleted()) {
            return null;
        }
        ServerRecord s = locked.get();
        if (!ServerTaskState.SCHEDULING.value().equals(s.taskState)) {
            // a delete raced us: it needs the host to reach the agent, so record it anyway
            s.host = host;
            s.touch();
            LOG.infof("build server %s: scheduled on %s but now task_state %s; not spawning", uuid, host, s.taskState);
            return Optional.empty();
        }
        s.host = host;
        s.availabilityZone = zone;
        s.taskState = ServerTaskState.SPAWNING.value();
        s.touch();
        LOG.infof("build server %s: scheduled on %s (zone %s)", uuid, host, zone);
        return Optional.of(new ServerSpec(uuid.toString(), s.name, s.hostname, s.image, s.vcpus, s.memoryMb, s.rootGb,
                s.metadata, s.projectId, s.userId, zone, s.launchIndex, s.reservationId, s.userData, s.files,
                s.network));
    }

    /** Nova records scheduling failures as a 500 fault ({@code NoValidHost} included). */
    private static void markError(UUID uuid, String message) {
        QuarkusTransaction.requiringNew().run(() -> ServerRecord.lockByUuid(uuid)
                .filter(s -> !s.isDeleted() && VmState.BUILDING.value().equals(s.vmState))
                .ifPresent(s -> {
                    s.vmState = VmState.ERROR.value();
                    s.taskState = null;
                    s.fault = ServerFaults.of(500, message, null);
                    s.touch();
                }));
    }
}
