package io.windlass.server.workflow;

import io.windlass.conductor.ConductorRpcApi;
import io.windlass.rpc.RpcEndpoint;
import io.windlass.server.ServerOperation;
import io.windlass.server.ServerRef;
import io.windlass.server.ServerStatusReport;
import jakarta.enterprise.context.ApplicationScoped;

/** The conductor's server methods (since 1.3), added to its endpoint by {@code ConductorEndpoint}. */
@ApplicationScoped
public class ServerRpcHandlers {
    private final ServerBuildWorkflow build;
    private final ServerActionWorkflow action;
    private final ServerDeleteWorkflow delete;
    private final ServerReportWorkflow reports;

    public ServerRpcHandlers(ServerBuildWorkflow build, ServerActionWorkflow action, ServerDeleteWorkflow delete,
                             ServerReportWorkflow reports) {
        this.build = build;
        this.action = action;
        this.delete = delete;
        this.reports = reports;
    }

    public RpcEndpoint register(RpcEndpoint endpoint) {
        return endpoint
                .on(ConductorRpcApi.BUILD_SERVER, ServerRef.class, (ctx, r) -> {
                    build.build(ctx, r);
                    return null;
                })
                .on(ConductorRpcApi.SERVER_ACTION, ServerOperation.class, (ctx, r) -> {
                    action.act(ctx, r);
                    return null;
                })
                .on(ConductorRpcApi.DELETE_SERVER, ServerRef.class, (ctx, r) -> {
                    delete.delete(ctx, r);
                    return null;
                })
                .on(ConductorRpcApi.REPORT_SERVER_STATUS, ServerStatusReport.class, (ctx, r) -> {
                    reports.apply(ctx, r);
                    return null;
                });
    }
}
