package io.windlass.agent.capsule;

import io.windlass.agent.workload.WorkloadReporter;
import io.windlass.capsule.CapsuleStatusReport;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.container.ContainerStatus;
import io.windlass.context.RequestContext;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A Zun capsule's reports: {@code report_capsule_status}, with every member's state. */
public final class CapsuleReports implements WorkloadReporter.Reports<ObservedCapsule> {
    private final ConductorRpcApi conductor;
    private final String host;

    public CapsuleReports(ConductorRpcApi conductor, String host) {
        this.conductor = conductor;
        this.host = host;
    }

    @Override
    public void observed(RequestContext ctx, ObservedCapsule o, String reason, boolean operationDone) {
        conductor.reportCapsuleStatus(ctx, new CapsuleStatusReport(o.uuid(), host, o.status(),
                reason != null ? reason : o.reason(), o.members(), o.addresses(), false, operationDone, Instant.now()));
    }

    @Override
    public void gone(RequestContext ctx, String uuid, boolean operationDone) {
        conductor.reportCapsuleStatus(ctx, new CapsuleStatusReport(uuid, host, ContainerStatus.DELETED, null, List.of(),
                Map.of(), true, operationDone, Instant.now()));
    }

    @Override
    public void failed(RequestContext ctx, String uuid, String reason) {
        conductor.reportCapsuleStatus(ctx, new CapsuleStatusReport(uuid, host, ContainerStatus.ERROR, reason, List.of(),
                Map.of(), false, true, Instant.now()));
    }
}
