package io.windlass.server.workflow;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.rpc.WorkloadIds;
import io.windlass.scheduler.SchedulerRpcApi;
import io.windlass.server.PowerState;
import io.windlass.server.ServerRef;
import io.windlass.server.VmState;
import io.windlass.server.persistence.ServerRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * delete_server: have the host destroy the server; its {@code gone} report soft-deletes the
 * row ({@link ServerReportWorkflow}). A server without a host is soft-deleted here.
 */
@ApplicationScoped
public class ServerDeleteWorkflow {
    private static final Logger LOG = Logger.getLogger(ServerDeleteWorkflow.class);

    private final ComputeRpcApi compute;
    private final SchedulerRpcApi scheduler;

    public ServerDeleteWorkflow(ComputeRpcApi compute, SchedulerRpcApi scheduler) {
        this.compute = compute;
        this.scheduler = scheduler;
    }

    public void delete(RequestContext ctx, ServerRef request) {
        UUID uuid = WorkloadIds.parse(request.uuid(), "server");
        Optional<ServerRecord> row = QuarkusTransaction.requiringNew().call(() -> ServerRecord.findByUuid(uuid));
        if (row.isEmpty() || row.get().isDeleted()) {
            LOG.infof("delete server %s: already gone", uuid);
            return;
        }
        String host = row.get().host;
        if (host == null) {
            QuarkusTransaction.requiringNew().run(() -> ServerRecord.lockByUuid(uuid).filter(s -> !s.isDeleted())
                    .ifPresent(ServerDeleteWorkflow::softDelete));
            scheduler.releaseResources(ctx, uuid.toString());
            LOG.infof("delete server %s: no host, deleted", uuid);
            return;
        }
        compute.destroyServer(host, ctx, new ServerRef(uuid.toString()));
        LOG.infof("delete server %s: destroy_server cast to %s", uuid, host);
    }

    /** Nova keeps deleted rows (changes-since and deleted=true show them); the quota trigger releases usage. */
    static void softDelete(ServerRecord s) {
        Instant now = ServerRecord.now();
        s.vmState = VmState.DELETED.value();
        s.taskState = null;
        s.powerState = PowerState.NOSTATE.code();
        s.deletedAt = now;
        s.terminatedAt = now;
        s.updatedAt = now;
    }
}
