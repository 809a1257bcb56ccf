package io.windlass.agent.server;

import io.windlass.agent.workload.WorkloadReporter;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.server.PowerState;
import io.windlass.server.ServerStatusReport;

import java.time.Instant;
import java.util.Map;

/** A Nova server's reports: {@code report_server_status}, a failed operation's reason as its fault. */
public final class ServerReports implements WorkloadReporter.Reports<ObservedServer> {
    private final ConductorRpcApi conductor;
    private final String host;

    public ServerReports(ConductorRpcApi conductor, String host) {
        this.conductor = conductor;
        this.host = host;
    }

    @Override
    public void observed(RequestContext ctx, ObservedServer o, String fault, boolean operationDone) {
        conductor.reportServerStatus(ctx, new ServerStatusReport(o.uuid(), host, o.powerState(), o.engineId(),
                o.addresses(), fault, false, operationDone, Instant.now(), o.rescued()));
    }

    @Override
    public void gone(RequestContext ctx, String uuid, boolean operationDone) {
        conductor.reportServerStatus(ctx, new ServerStatusReport(uuid, host, PowerState.NOSTATE, null, Map.of(), null,
                true, operationDone, Instant.now()));
    }

    @Override
    public void failed(RequestContext ctx, String uuid, String fault) {
        conductor.reportServerStatus(ctx, new ServerStatusReport(uuid, host, PowerState.NOSTATE, null, Map.of(), fault,
                false, true, Instant.now()));
    }
}
