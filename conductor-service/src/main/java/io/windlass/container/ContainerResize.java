package io.windlass.container;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RemoteException;
import io.windlass.rpc.RpcException;
import io.windlass.rpc.RpcHandlerException;
import io.windlass.rpc.WorkloadIds;
import io.windlass.scheduler.ResizeClaim;
import io.windlass.scheduler.SchedulerRpcApi;
import io.windlass.workload.WorkloadRows;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * resize_container (a call): grow or shrink the claim, apply the limits on the engine, then
 * save them. A failure on the engine puts the old claim back so the counters stay true.
 */
@ApplicationScoped
public class ContainerResize {
    private static final Logger LOG = Logger.getLogger(ContainerResize.class);

    private final SchedulerRpcApi scheduler;
    private final ComputeRpcApi compute;
    private final WorkloadRows rows;

    public ContainerResize(SchedulerRpcApi scheduler, ComputeRpcApi compute, WorkloadRows rows) {
        this.scheduler = scheduler;
        this.compute = compute;
        this.rows = rows;
    }

    private record Current(String host, double cpu, int memoryMb) {
    }

    public void resize(RequestContext ctx, ResizeContainer request) {
        UUID uuid = WorkloadIds.parse(request.uuid(), "container");
        Current current = QuarkusTransaction.requiringNew().call(() -> rows.find(ContainerEntity.class, uuid)
                .map(r -> new Current(r.host, r.cpu, r.memory))
                .orElseThrow(() -> new RpcHandlerException("ContainerNotFound",
                        "Container " + uuid + " could not be found.")));
        if (current.host() == null) {
            throw new RpcHandlerException("InvalidState", "Container " + uuid + " has no host; it cannot be resized.");
        }
        double cpu = request.cpu() == null ? current.cpu() : request.cpu();
        int memory = request.memoryMb() == null ? current.memoryMb() : request.memoryMb();
        LOG.infof("resize %s on %s: %.2f vCPU / %d MiB -> %.2f vCPU / %d MiB", uuid, current.host(), current.cpu(),
                current.memoryMb(), cpu, memory);
        try {
            scheduler.resizeClaim(ctx, new ResizeClaim(uuid.toString(), cpu, memory));
        } catch (RemoteException e) {
            LOG.infof("resize %s: claim refused: %s", uuid, e.getMessage());
            throw new RpcHandlerException(e.type(), e.getMessage());
        } catch (RpcException e) {
            throw new RpcHandlerException("SchedulerUnavailable", "Resize of " + uuid + " failed: " + e.getMessage());
        }
        try {
            compute.resizeContainer(current.host(), ctx, new ResizeContainer(uuid.toString(), cpu, memory));
        } catch (RpcException e) {
            LOG.warnf("resize %s: engine refused (%s); putting the claim back", uuid, e.getMessage());
            restoreClaim(ctx, uuid, current);
            throw new RpcHandlerException("EngineError", e.getMessage());
        }
        QuarkusTransaction.requiringNew().run(() -> rows.lock(ContainerEntity.class, uuid).ifPresent(r -> {
            r.cpu = cpu;
            r.memory = memory;
        }));
        LOG.infof("resize %s: done", uuid);
    }

    private void restoreClaim(RequestContext ctx, UUID uuid, Current current) {
        try {
            scheduler.resizeClaim(ctx, new ResizeClaim(uuid.toString(), current.cpu(), current.memoryMb()));
        } catch (RpcException e) {
            LOG.errorf("resize %s: could not put the claim back to %.2f vCPU / %d MiB: %s", uuid, current.cpu(),
                    current.memoryMb(), e.getMessage());
        }
    }
}
