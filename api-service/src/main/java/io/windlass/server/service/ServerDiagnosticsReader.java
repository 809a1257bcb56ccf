package io.windlass.server.service;

import io.windlass.compute.ComputeRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcException;
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
        ServerEntity server = lookup.authorizedOnItsHost(caller, id, ServerPolicy.DIAGNOSTICS);
        try {
            return compute.serverDiagnostics(server.host, caller, new ServerRef(server.uuid.toString()));
        } catch (RpcException e) {
            throw HostCallFailure.of(e, server.host);
        }
    }
}
