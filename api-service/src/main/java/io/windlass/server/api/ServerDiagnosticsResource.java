package io.windlass.server.api;

import io.windlass.api.context.CurrentRequestContext;
import io.windlass.compute.api.ComputeApiVersions;
import io.windlass.compute.api.RequestedComputeVersion;
import io.windlass.server.ServerDiagnostics;
import io.windlass.server.service.ServerDiagnosticsReader;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/**
 * Nova's {@code GET /v2.1/servers/{id}/diagnostics} ({@code server_diagnostics.py}): admins only by
 * default; the host's figures in Nova's standard format from 2.48, as a driver's own before.
 */
@Path("/compute/v2.1/servers/{id}/diagnostics")
@Produces(MediaType.APPLICATION_JSON)
public class ServerDiagnosticsResource {
    private final ServerDiagnosticsReader diagnostics;
    private final CurrentRequestContext context;
    private final RequestedComputeVersion version;

    public ServerDiagnosticsResource(ServerDiagnosticsReader diagnostics, CurrentRequestContext context,
                                     RequestedComputeVersion version) {
        this.diagnostics = diagnostics;
        this.context = context;
        this.version = version;
    }

    @GET
    public Map<String, Object> show(@PathParam("id") String id) {
        ServerDiagnostics read = diagnostics.read(context.get(), id);
        return version.isAtLeast(ComputeApiVersions.STANDARD_DIAGNOSTICS) ? ServerDiagnosticsView.standard(read)
                : ServerDiagnosticsView.freeForm(read);
    }
}
