package io.windlass.container.workflow;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.container.DeleteContainer;
import io.windlass.container.persistence.ContainerRecord;
import io.windlass.context.RequestContext;
import io.windlass.rpc.WorkloadIds;
import io.windlass.scheduler.SchedulerRpcApi;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;

/**
 * delete_container: a row with a host is deleted by its agent, which reports it gone (the row
 * goes then); a row that never got a host has nothing to remove and goes at once.
 */
@ApplicationScoped
public class DeleteWorkflow {
    private static final Logger LOG = Logger.getLogger(DeleteWorkflow.class);

    private final ComputeRpcApi compute;
    private final SchedulerRpcApi scheduler;

    public DeleteWorkflow(ComputeRpcApi compute, SchedulerRpcApi scheduler) {
        this.compute = compute;
        this.scheduler = scheduler;
    }

    public void delete(RequestContext ctx, DeleteContainer request) {
        UUID uuid = WorkloadIds.parse(request.uuid(), "container");
        // empty: no row; "": row without host, deleted here
        Optional<String> host = QuarkusTransaction.requiringNew().call(() -> {
            Optional<ContainerRecord> row = ContainerRecord.lockByUuid(uuid);
            row.filter(r -> r.host == null).ifPresent(ContainerRecord::delete);
            return row.map(r -> r.host == null ? "" : r.host);
        });
        if (host.isEmpty()) {
            LOG.infof("delete %s: row already gone", uuid);
            return;
        }
        if (host.get().isEmpty()) {
            LOG.infof("delete %s: never scheduled, row deleted", uuid);
            // a scheduler that answered too late may still hold a claim for it
            scheduler.releaseResources(ctx, uuid.toString());
            return;
        }
        compute.deleteContainer(host.get(), ctx, request);
        LOG.infof("delete %s: cast to %s (force=%s, stop=%s)", uuid, host.get(), request.force(), request.stop());
    }
}
