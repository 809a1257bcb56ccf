package io.windlass.server.workflow;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.rpc.WorkloadIds;
import io.windlass.server.ServerOperation;
import io.windlass.server.persistence.ServerRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;

/** server_action: pass a power action the API accepted on to the server's host. */
@ApplicationScoped
public class ServerActionWorkflow {
    private static final Logger LOG = Logger.getLogger(ServerActionWorkflow.class);

    private final ComputeRpcApi compute;

    public ServerActionWorkflow(ComputeRpcApi compute) {
        this.compute = compute;
    }

    public void act(RequestContext ctx, ServerOperation operation) {
        UUID uuid = WorkloadIds.parse(operation.uuid(), "server");
        Optional<ServerRecord> row = QuarkusTransaction.requiringNew().call(() -> ServerRecord.findByUuid(uuid));
        if (row.isEmpty() || row.get().isDeleted() || row.get().host == null) {
            LOG.infof("server %s: %s dropped (%s)", uuid, operation.action(),
                    row.map(r -> r.isDeleted() ? "deleted" : "no host").orElse("row gone"));
            QuarkusTransaction.requiringNew().run(() -> ServerRecord.lockByUuid(uuid)
                    .filter(r -> !r.isDeleted() && operation.action().taskState().value().equals(r.taskState))
                    .ifPresent(r -> {
                        r.taskState = null;
                        r.touch();
                    }));
            return;
        }
        compute.serverAction(row.get().host, ctx, operation);
        LOG.infof("server %s: %s cast to %s", uuid, operation.action(), row.get().host);
    }
}
