package io.windlass.agent.container;

import io.windlass.agent.workload.WorkloadReporter;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.container.ContainerStatus;
import io.windlass.container.ContainerStatusReport;
import io.windlass.context.RequestContext;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A Zun container's reports: {@code report_container_status}. */
public final class ContainerReports implements WorkloadReporter.Reports<ObservedContainer> {
    private final ConductorRpcApi conductor;
    private final String host;

    public ContainerReports(ConductorRpcApi conductor, String host) {
        this.conductor = conductor;
        this.host = host;
    }

    @Override
    public void observed(RequestContext ctx, ObservedContainer o, String reason, boolean operationDone) {
        conductor.reportContainerStatus(ctx, new ContainerStatusReport(o.uuid(), host, o.status(),
                reason != null ? reason : o.engineError(), o.statusDetail(), o.engineId(), o.addresses(), o.ports(),
                o.command(), false, operationDone, Instant.now(), o.health()));
    }

    @Override
    public void gone(RequestContext ctx, String uuid, boolean operationDone) {
        conductor.reportContainerStatus(ctx, new ContainerStatusReport(uuid, host, ContainerStatus.DELETED, null, null,
                null, Map.of(), List.of(), List.of(), true, operationDone, Instant.now()));
    }

    @Override
    public void failed(RequestContext ctx, String uuid, String reason) {
        conductor.reportContainerStatus(ctx, new ContainerStatusReport(uuid, host, ContainerStatus.ERROR, reason, null,
                null, Map.of(), List.of(), List.of(), false, true, Instant.now()));
    }
}
