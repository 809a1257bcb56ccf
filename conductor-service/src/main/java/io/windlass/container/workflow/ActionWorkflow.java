package io.windlass.container.workflow;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.container.ContainerOperation;
import io.windlass.container.persistence.ContainerRecord;
import io.windlass.context.RequestContext;
import io.windlass.rpc.WorkloadIds;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;

/** container_action: forward to the container's host; the agent reports the result. */
@ApplicationScoped
public class ActionWorkflow {
    private static final Logger LOG = Logger.getLogger(ActionWorkflow.class);

    private final ComputeRpcApi compute;

    public ActionWorkflow(ComputeRpcApi compute) {
        this.compute = compute;
    }

    public void act(RequestContext ctx, ContainerOperation operation) {
        UUID uuid = WorkloadIds.parse(operation.uuid(), "container");
        Optional<String> host = QuarkusTransaction.requiringNew().call(() -> {
            Optional<ContainerRecord> row = ContainerRecord.lockByUuid(uuid);
            row.filter(r -> r.host == null).ifPresent(r -> {
                // nothing will ever report the end of this action: do not leave the row busy
                r.taskState = null;
                r.touch();
            });
            return row.map(r -> r.host);
        });
        if (host.isEmpty()) {
            LOG.warnf("action %s on %s: container has no host (or no row); task state cleared",
                    operation.action(), uuid);
            return;
        }
        compute.containerAction(host.get(), ctx, operation);
        LOG.infof("action %s on %s: cast to %s", operation.action(), uuid, host.get());
    }
}
