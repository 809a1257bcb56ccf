package io.windlass.server.service;

import io.windlass.api.error.ApiException;
import io.windlass.api.error.ConflictException;
import io.windlass.api.error.ServiceUnavailableException;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RemoteException;
import io.windlass.rpc.RpcException;
import io.windlass.rpc.RpcVersionCapExceeded;
import io.windlass.server.ServerDiagnostics;
import io.windlass.server.ServerRef;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.server.policy.ServerPolicy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Nova's server diagnostics: the server's host reads them from its engine and answers at once
 * (compute {@code server_diagnostics}, a call, as Nova's {@code get_instance_diagnostics}). As in
 * Nova, the server only needs a host here; whether it runs is the host's to say.
 */
@ApplicationScoped
public class ServerDiagnosticsReader {
    private final ServerLookup lookup;
    private final ComputeRpcApi compute;

    public ServerDiagnosticsReader(ServerLookup lookup, ComputeRpcApi compute) {
        this.lookup = lookup;
        this.compute = compute;
    }

    public ServerDiagnostics read(RequestContext caller, String id) {
        ServerEntity server = lookup.authorized(caller, id, ServerPolicy.DIAGNOSTICS);
        if (server.host == null) {
            // Nova's check_instance_host: never placed, or shelved off its host
            throw new ConflictException("InstanceNotReady", "Instance " + server.uuid + " is not ready");
        }
        try {
            return compute.serverDiagnostics(server.host, caller, new ServerRef(server.uuid.toString()));
        } catch (RpcException e) {
            throw failure(e, server.host);
        }
    }

    /**
     * The host's refusal (Nova's InstanceInvalidState for a server that does not run, in Nova's API
     * words; an engine error) is Nova's 409. Agents too old for the call are Nova's
     * UnsupportedRPCVersion. A host that does not answer is a 500 in Nova (MessagingTimeout, "Unexpected
     * API Error"); here a 503 naming the host, as for the console, for the caller can only try again.
     */
    private static ApiException failure(RpcException e, String host) {
        return switch (e) {
            case RemoteException remote -> new ConflictException(remote.type(), remote.getMessage());
            case RpcVersionCapExceeded capped -> new ConflictException("UnsupportedRPCVersion", capped.getMessage());
            default -> new ServiceUnavailableException("ServiceUnavailable", "Compute host " + host
                    + " did not answer; try again later.");
        };
    }
}
