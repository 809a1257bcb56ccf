package io.windlass.capsule.workflow;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.capsule.CapsuleRef;
import io.windlass.capsule.CapsuleSpec;
import io.windlass.capsule.CreateCapsule;
import io.windlass.capsule.persistence.CapsuleRecord;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.container.ContainerStatus;
import io.windlass.container.TaskState;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RemoteException;
import io.windlass.rpc.RpcTimeoutException;
import io.windlass.rpc.WorkloadIds;
import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.SchedulerRpcApi;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * build_capsule: schedule the capsule as one unit (its summed resources, one claim keyed by
 * the capsule uuid), record the host, then have the host create it. Safe to run twice: the
 * scheduler answers a repeated request with the same claim.
 */
@ApplicationScoped
public class CapsuleBuildWorkflow {
    private static final Logger LOG = Logger.getLogger(CapsuleBuildWorkflow.class);
    static final String CONSUMER_TYPE = "capsule";

    private final SchedulerRpcApi scheduler;
    private final ComputeRpcApi compute;

    public CapsuleBuildWorkflow(SchedulerRpcApi scheduler, ComputeRpcApi compute) {
        this.scheduler = scheduler;
        this.compute = compute;
    }

    public void build(RequestContext ctx, CapsuleRef request) {
        UUID uuid = WorkloadIds.parse(request.uuid(), "capsule");
        Optional<CapsuleRecord> row = QuarkusTransaction.requiringNew().call(() -> CapsuleRecord.findByUuid(uuid));
        if (row.isEmpty() || row.get().status != ContainerStatus.CREATING) {
            LOG.infof("build capsule %s: nothing to do (%s)", uuid,
                    row.map(r -> "status " + r.status.value()).orElse("row gone"));
            return;
        }
        CapsuleRecord capsule = row.get();
        ResourceRequest resources = new ResourceRequest(uuid.toString(), CONSUMER_TYPE, capsule.projectId,
                capsule.cpu, capsule.memory, 0, capsule.availabilityZone, null,
                capsule.labels == null ? Map.of() : capsule.labels);
        String host;
        try {
            LOG.infof("build capsule %s: asking the scheduler for %.2f vCPU, %d MiB", uuid, capsule.cpu,
                    capsule.memory);
            host = scheduler.selectDestination(ctx, resources).host();
        } catch (RemoteException e) {
            LOG.infof("build capsule %s: scheduling failed: %s: %s", uuid, e.type(), e.getMessage());
            markError(uuid, e.getMessage());
            return;
        } catch (RpcTimeoutException e) {
            LOG.warnf("build capsule %s: %s", uuid, e.getMessage());
            markError(uuid, "Scheduler did not answer in time");
            scheduler.releaseResources(ctx, uuid.toString());
            return;
        }
        Optional<CapsuleSpec> spec = QuarkusTransaction.requiringNew().call(() -> recordHost(uuid, host));
        if (spec == null) {
            LOG.infof("build capsule %s: row deleted while scheduling; releasing the claim on %s", uuid, host);
            scheduler.releaseResources(ctx, uuid.toString());
            return;
        }
        if (spec.isEmpty()) {
            return;
        }
        compute.createCapsule(host, ctx, new CreateCapsule(spec.get()));
        LOG.infof("build capsule %s: create_capsule cast to %s", uuid, host);
    }

    /** @return null when the row is gone, empty when it is no longer Creating, else what to create */
    private static Optional<CapsuleSpec> recordHost(UUID uuid, String host) {
        Optional<CapsuleRecord> locked = CapsuleRecord.lockByUuid(uuid);
        if (locked.isEmpty()) {
            return null;
        }
        CapsuleRecord row = locked.get();
        // even when a delete raced us, the host must be known so the delete reaches the agent
        row.host = host;
        row.touch();
        if (row.status != ContainerStatus.CREATING) {
            LOG.infof("build capsule %s: scheduled on %s but now %s; not creating", uuid, host, row.status.value());
            return Optional.empty();
        }
        row.taskState = TaskState.CONTAINER_CREATING;
        LOG.infof("build capsule %s: scheduled on %s", uuid, host);
        return Optional.of(row.spec);
    }

    private static void markError(UUID uuid, String reason) {
        QuarkusTransaction.requiringNew().run(() -> CapsuleRecord.lockByUuid(uuid)
                .filter(r -> r.status == ContainerStatus.CREATING)
                .ifPresent(r -> {
                    r.status = ContainerStatus.ERROR;
                    r.statusReason = reason;
                    r.taskState = null;
                    r.touch();
                }));
    }
}
