package io.windlass.agent.workload;

import io.windlass.agent.driver.DriverException;
import io.windlass.agent.driver.WorkloadNotFoundException;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.rpc.RpcEndpoint;
import io.windlass.rpc.RpcHandlerException;
import io.windlass.workload.WorkloadLog;
import io.windlass.workload.WorkloadLogs;
import org.jboss.logging.Logger;

import java.util.Map;

/**
 * The host's {@code workload_logs} method on {@code compute.<host>} (RPC 1.9), called by the
 * api-service for Zun's {@code logs} and Nova's {@code os-getConsoleOutput}, which waits for the
 * answer. The request goes to the driver of its kind. No workload lock: a read, like stats, that
 * must not wait behind a long stop. The caller learns of a failure from the answer:
 * {@code WorkloadNotFound} when the engine has no such workload, {@code EngineError} otherwise.
 */
public final class WorkloadLogReader {
    private static final Logger LOG = Logger.getLogger(WorkloadLogReader.class);

    private final Map<String, LogDriver> kinds;

    /** @param kinds the drivers by the requests' {@code kind} ({@link WorkloadLogs#CONTAINER}, {@link WorkloadLogs#SERVER}) */
    public WorkloadLogReader(Map<String, LogDriver> kinds) {
        this.kinds = Map.copyOf(kinds);
    }

    public RpcEndpoint register(RpcEndpoint endpoint) {
        return endpoint.on(ComputeRpcApi.WORKLOAD_LOGS, (ctx, r) -> read(r));
    }

    WorkloadLog read(WorkloadLogs request) {
        LogDriver driver = kinds.get(request.kind());
        if (driver == null) {
            throw new RpcHandlerException("InvalidRequest", "this host reads no logs of " + request.kind());
        }
        LOG.debugf("workload_logs %s %s tail=%s since=%s", request.kind(), request.uuid(), request.tail(),
                request.since());
        try {
            WorkloadLog log = driver.logs(request);
            if (log.truncated()) {
                LOG.infof("log of %s %s sent truncated to its last %d characters", request.kind(), request.uuid(),
                        log.text().length());
            }
            return log;
        } catch (WorkloadNotFoundException e) {
            throw new RpcHandlerException("WorkloadNotFound", e.getMessage());
        } catch (DriverException e) {
            LOG.warnf("logs of %s %s failed: %s", request.kind(), request.uuid(), e.getMessage());
            throw new RpcHandlerException("EngineError", e.getMessage());
        }
    }
}
