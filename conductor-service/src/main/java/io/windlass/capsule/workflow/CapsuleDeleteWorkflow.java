package io.windlass.capsule.workflow;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.capsule.CapsuleRef;
import io.windlass.capsule.CapsuleSpec;
import io.windlass.capsule.DeleteCapsule;
import io.windlass.capsule.persistence.CapsuleRecord;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.rpc.WorkloadIds;
import io.windlass.scheduler.SchedulerRpcApi;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;

/**
 * delete_capsule: a placed capsule is removed by its agent, which reports it gone (the row
 * and the claim go then); one that never got a host goes at once.
 */
@ApplicationScoped
public class CapsuleDeleteWorkflow {
    private static final Logger LOG = Logger.getLogger(CapsuleDeleteWorkflow.class);

    private final ComputeRpcApi compute;
    private final SchedulerRpcApi scheduler;

    public CapsuleDeleteWorkflow(ComputeRpcApi compute, SchedulerRpcApi scheduler) {
        this.compute = compute;
        this.scheduler = scheduler;
    }

    public void delete(RequestContext ctx, CapsuleRef request) {
        UUID uuid = WorkloadIds.parse(request.uuid(), "capsule");
        Optional<Placed> placed = QuarkusTransaction.requiringNew().call(() -> {
            Optional<CapsuleRecord> row = CapsuleRecord.lockByUuid(uuid);
            row.filter(r -> r.host == null).ifPresent(CapsuleRecord::delete);
            return row.map(r -> new Placed(r.host, r.spec));
        });
        if (placed.isEmpty()) {
            LOG.infof("delete capsule %s: row already gone", uuid);
            return;
        }
        if (placed.get().host() == null) {
            LOG.infof("delete capsule %s: never scheduled, row deleted", uuid);
            scheduler.releaseResources(ctx, uuid.toString());
            return;
        }
        compute.deleteCapsule(placed.get().host(), ctx, new DeleteCapsule(placed.get().spec()));
        LOG.infof("delete capsule %s: cast to %s", uuid, placed.get().host());
    }

    private record Placed(String host, CapsuleSpec spec) {
    }
}
