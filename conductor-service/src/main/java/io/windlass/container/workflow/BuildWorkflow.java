package io.windlass.container.workflow;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.conductor.ConductorRpcApi.BuildContainer;
import io.windlass.container.ContainerSpec;
import io.windlass.container.ContainerStatus;
import io.windlass.container.CreateContainer;
import io.windlass.container.TaskState;
import io.windlass.container.persistence.ContainerRecord;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RemoteException;
import io.windlass.rpc.RpcTimeoutException;
import io.windlass.rpc.WorkloadIds;
import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.SchedulerRpcApi;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;

/**
 * build_container: schedule a Creating row, record its host, then have the host create it.
 * Safe to run twice: the scheduler answers a repeated request with the same host and the
 * agent reuses an engine container of the same name.
 */
@ApplicationScoped
public class BuildWorkflow {
    private static final Logger LOG = Logger.getLogger(BuildWorkflow.class);
    static final String SCHEDULER_TIMEOUT = "Scheduler did not answer in time";

    private final SchedulerRpcApi scheduler;
    private final ComputeRpcApi compute;
    private final ContainerSpecFactory specs;

    public BuildWorkflow(SchedulerRpcApi scheduler, ComputeRpcApi compute, ContainerSpecFactory specs) {
        this.scheduler = scheduler;
        this.compute = compute;
        this.specs = specs;
    }

    public void build(RequestContext ctx, BuildContainer request) {
        UUID uuid = WorkloadIds.parse(request.uuid(), "container");
        Optional<ContainerRecord> row = QuarkusTransaction.requiringNew()
                .call(() -> ContainerRecord.findByUuid(uuid));
        if (row.isEmpty() || row.get().status != ContainerStatus.CREATING) {
            LOG.infof("build %s: nothing to do (%s)", uuid,
                    row.map(r -> "status " + r.status.value()).orElse("row gone"));
            return;
        }
        ResourceRequest resources = specs.resourceRequest(row.get());
        String host;
        try {
            LOG.infof("build %s: asking the scheduler for %.2f vCPU, %d MiB, %d GiB", uuid, resources.vcpus(),
                    resources.memoryMb(), resources.diskGb());
            host = scheduler.selectDestination(ctx, resources).host();
        } catch (RemoteException e) {
            LOG.infof("build %s: scheduling failed: %s: %s", uuid, e.type(), e.getMessage());
            markError(uuid, e.getMessage());
            return;
        } catch (RpcTimeoutException e) {
            LOG.warnf("build %s: %s", uuid, e.getMessage());
            markError(uuid, SCHEDULER_TIMEOUT);
            // the scheduler may still have claimed after we stopped waiting
            scheduler.releaseResources(ctx, uuid.toString());
            return;
        }
        HostRecorded recorded = QuarkusTransaction.requiringNew().call(() -> recordHost(uuid, host));
        if (recorded.rowGone()) {
            LOG.infof("build %s: row deleted while scheduling; releasing the claim on %s", uuid, host);
            scheduler.releaseResources(ctx, uuid.toString());
            return;
        }
        if (recorded.spec() == null) {
            return;
        }
        // the host is committed before the agent can report back about it
        compute.createContainer(host, ctx, new CreateContainer(recorded.spec(), request.run()));
        LOG.infof("build %s: create_container cast to %s (run=%s)", uuid, host, request.run());
    }

    /**
     * Outcome of saving the chosen host.
     *
     * @param rowGone the row was deleted meanwhile
     * @param spec    what to create, or null when the row is no longer Creating
     */
    private record HostRecorded(boolean rowGone, ContainerSpec spec) {
    }

    private HostRecorded recordHost(UUID uuid, String host) {
        Optional<ContainerRecord> locked = ContainerRecord.lockByUuid(uuid);
        if (locked.isEmpty()) {
            return new HostRecorded(true, null);
        }
        ContainerRecord row = locked.get();
        // even when a delete raced us, the host must be known so the delete reaches the agent
        row.host = host;
        row.touch();
        if (row.status != ContainerStatus.CREATING) {
            LOG.infof("build %s: scheduled on %s but now %s; not creating", uuid, host, row.status.value());
            return new HostRecorded(false, null);
        }
        row.taskState = TaskState.CONTAINER_CREATING;
        LOG.infof("build %s: scheduled on %s", uuid, host);
        return new HostRecorded(false, specs.spec(row));
    }

    private void markError(UUID uuid, String reason) {
        QuarkusTransaction.requiringNew().run(() -> ContainerRecord.lockByUuid(uuid)
                .filter(r -> r.status == ContainerStatus.CREATING)
                .ifPresent(r -> {
                    r.status = ContainerStatus.ERROR;
                    r.statusReason = reason;
                    r.taskState = null;
                    r.touch();
                }));
    }
}
