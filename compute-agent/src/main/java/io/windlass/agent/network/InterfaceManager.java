package io.windlass.agent.network;

import io.windlass.agent.driver.DriverException;
import io.windlass.agent.driver.WorkloadNotFoundException;
import io.windlass.agent.workload.InterfaceDriver;
import io.windlass.agent.workload.WorkloadLocks;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.fault.TransientFailure;
import io.windlass.network.AttachPort;
import io.windlass.network.DetachPort;
import io.windlass.rpc.RpcEndpoint;
import io.windlass.rpc.RpcHandlerException;
import org.jboss.logging.Logger;

import java.util.Map;

/**
 * The host's interface methods on {@code compute.<host>} (RPC 1.6): {@code attach_port} and
 * {@code detach_port}, called by the conductor for Zun's {@code network_attach}/{@code network_detach}
 * and Nova's {@code os-interface} on the workload's host, which waits for the answer. Each is handed
 * to the driver of the request's kind under the workload's lock, so it never runs beside a create or
 * delete of the same workload. The caller learns the outcome from the answer: {@code WorkloadNotFound}
 * when the engine has no such workload, {@code EngineError} when the engine refused; an engine that
 * does not answer (restarting) gets the message again once it does.
 */
public final class InterfaceManager {
    private static final Logger LOG = Logger.getLogger(InterfaceManager.class);

    private final Map<String, InterfaceDriver> kinds;
    private final WorkloadLocks locks;

    /**
     * @param kinds the drivers by the requests' {@code kind} ({@link io.windlass.network.InterfaceChange#CONTAINER},
     *              {@link io.windlass.network.InterfaceChange#SERVER})
     * @param locks the host's workload locks, the ones its create and delete take
     */
    public InterfaceManager(Map<String, InterfaceDriver> kinds, WorkloadLocks locks) {
        this.kinds = Map.copyOf(kinds);
        this.locks = locks;
    }

    public RpcEndpoint register(RpcEndpoint endpoint) {
        return endpoint
                .on(ComputeRpcApi.ATTACH_PORT, (ctx, r) -> {
                    attach(r);
                    return null;
                })
                .on(ComputeRpcApi.DETACH_PORT, (ctx, r) -> {
                    detach(r);
                    return null;
                });
    }

    void attach(AttachPort request) {
        InterfaceDriver driver = driverOf(request.kind());
        locks.withLock(request.uuid(), () -> {
            LOG.infof("attach_port %s %s: port %s on network %s", request.kind(), request.uuid(),
                    request.port().portId(), request.network().networkId());
            answering("attach of port " + request.port().portId() + " to " + request.uuid(),
                    () -> driver.attachPort(request.uuid(), request.port(), request.network()));
            return null;
        });
    }

    void detach(DetachPort request) {
        InterfaceDriver driver = driverOf(request.kind());
        locks.withLock(request.uuid(), () -> {
            LOG.infof("detach_port %s %s: port %s on network %s", request.kind(), request.uuid(), request.portId(),
                    request.networkId());
            answering("detach of port " + request.portId() + " from " + request.uuid(),
                    () -> driver.detachPort(request.uuid(), request.networkId()));
            return null;
        });
    }

    private InterfaceDriver driverOf(String kind) {
        InterfaceDriver driver = kinds.get(kind);
        if (driver == null) {
            // capsules included: upstream has no interface API for them
            throw new RpcHandlerException("InvalidRequest", "interfaces change on containers and servers, not on "
                    + kind);
        }
        return driver;
    }

    /** Runs the change, turning the driver's failures into the answer the caller gets. */
    private static void answering(String what, Runnable change) {
        try {
            change.run();
        } catch (WorkloadNotFoundException e) {
            throw new RpcHandlerException("WorkloadNotFound", e.getMessage());
        } catch (DriverException e) {
            if (TransientFailure.of(e).isPresent()) {
                // the engine restarting: the call comes again (RpcServer) while its caller still waits,
                // and finds the port attached, half-attached or not, which attach and detach both handle
                throw e;
            }
            LOG.warnf("%s failed: %s", what, e.getMessage());
            throw new RpcHandlerException("EngineError", e.getMessage());
        }
    }
}
