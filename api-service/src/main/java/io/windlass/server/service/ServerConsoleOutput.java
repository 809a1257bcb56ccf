package io.windlass.server.service;

import io.windlass.api.error.ApiException;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RemoteException;
import io.windlass.rpc.RpcException;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.server.policy.ServerPolicy;
import io.windlass.workload.WorkloadLogs;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Nova's {@code os-getConsoleOutput}: the server's host reads its console (the engine container's
 * stdout and stderr) and answers at once (compute {@code workload_logs}, a call, as Nova's
 * {@code get_console_output}). As in Nova, any state will do once the server has a host.
 */
@ApplicationScoped
public class ServerConsoleOutput {
    private final ServerLookup lookup;
    private final ComputeRpcApi compute;

    public ServerConsoleOutput(ServerLookup lookup, ComputeRpcApi compute) {
        this.lookup = lookup;
        this.compute = compute;
    }

    /**
     * @param length the last lines to answer, or null for all
     * @return the {@code output}, cut and cleaned as Nova does ({@link NovaConsole#output})
     */
    public String read(RequestContext caller, String id, Integer length) {
        ServerEntity server = lookup.authorizedOnItsHost(caller, id, ServerPolicy.CONSOLE_OUTPUT);
        try {
            String log = compute.workloadLogs(server.host, caller, WorkloadLogs.console(server.uuid.toString(),
                    length)).text();
            return NovaConsole.output(log, length);
        } catch (RpcException e) {
            throw failure(e, server.host);
        }
    }

    private static ApiException failure(RpcException e, String host) {
        if (e instanceof RemoteException remote && remote.type().endsWith("NotFound")) {
            // the host has no engine container for it (not spawned yet, or lost): Nova's ConsoleNotAvailable
            return new ResourceNotFoundException("ConsoleNotAvailable", "Guest does not have a console available.");
        }
        return HostCallFailure.of(e, host);
    }
}
