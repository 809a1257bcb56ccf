package io.windlass.agent.workload;

import io.windlass.agent.driver.DriverException;
import io.windlass.agent.driver.WorkloadNotFoundException;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.image.CommitWorkload;
import io.windlass.image.CommittedImage;
import io.windlass.rpc.RpcEndpoint;
import io.windlass.rpc.RpcHandlerException;
import org.jboss.logging.Logger;

import java.util.Map;

/**
 * The host's {@code commit_workload} method on {@code compute.<host>} (RPC 1.14), called by the
 * conductor for Nova's createImage and createBackup and Zun's commit. Under the workload's lock: a
 * commit must not meet the workload's own delete or rebuild halfway. The caller learns of a failure
 * from the answer: {@code WorkloadNotFound} when the engine has no such workload, {@code EngineError}
 * otherwise.
 */
public final class WorkloadCommitter {
    private static final Logger LOG = Logger.getLogger(WorkloadCommitter.class);

    private final Map<String, CommitDriver> kinds;
    private final WorkloadLocks locks;

    /** @param kinds the drivers by the requests' {@code kind} ({@code server}, {@code container}) */
    public WorkloadCommitter(Map<String, CommitDriver> kinds, WorkloadLocks locks) {
        this.kinds = Map.copyOf(kinds);
        this.locks = locks;
    }

    public RpcEndpoint register(RpcEndpoint endpoint) {
        return endpoint.on(ComputeRpcApi.COMMIT_WORKLOAD, (ctx, r) -> commit(r));
    }

    CommittedImage commit(CommitWorkload request) {
        CommitDriver driver = kinds.get(request.kind());
        if (driver == null) {
            throw new RpcHandlerException("InvalidRequest", "this host commits no " + request.kind());
        }
        try {
            CommittedImage image = locks.withLock(request.uuid(), () -> driver.commit(request.uuid(),
                    request.reference()));
            LOG.infof("committed %s %s to %s (%s, %d bytes)", request.kind(), request.uuid(), request.reference(),
                    image.engineId(), image.size());
            return image;
        } catch (WorkloadNotFoundException e) {
            throw new RpcHandlerException("WorkloadNotFound", e.getMessage());
        } catch (DriverException e) {
            LOG.warnf("commit of %s %s to %s failed: %s", request.kind(), request.uuid(), request.reference(),
                    e.getMessage());
            throw new RpcHandlerException("EngineError", e.getMessage());
        }
    }
}
