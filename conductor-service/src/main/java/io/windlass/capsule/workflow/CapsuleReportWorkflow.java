package io.windlass.capsule.workflow;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.capsule.CapsuleStatusReport;
import io.windlass.capsule.persistence.CapsuleRecord;
import io.windlass.container.ContainerStatus;
import io.windlass.context.RequestContext;
import io.windlass.rpc.WorkloadIds;
import io.windlass.scheduler.SchedulerRpcApi;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;

/**
 * report_capsule_status: save what the agent saw (ignoring reports older than the applied
 * one); a capsule reported gone after a delete loses its row and its claim.
 */
@ApplicationScoped
public class CapsuleReportWorkflow {
    private static final Logger LOG = Logger.getLogger(CapsuleReportWorkflow.class);

    private final SchedulerRpcApi scheduler;

    public CapsuleReportWorkflow(SchedulerRpcApi scheduler) {
        this.scheduler = scheduler;
    }

    public void apply(RequestContext ctx, CapsuleStatusReport report) {
        UUID uuid = WorkloadIds.parse(report.uuid(), "capsule");
        boolean release = QuarkusTransaction.requiringNew().call(() -> applyInTransaction(uuid, report));
        if (release) {
            scheduler.releaseResources(ctx, uuid.toString());
            LOG.infof("capsule report %s: release_resources cast", uuid);
        }
    }

    /** @return whether the claim must be released */
    private static boolean applyInTransaction(UUID uuid, CapsuleStatusReport report) {
        Optional<CapsuleRecord> locked = CapsuleRecord.lockByUuid(uuid);
        if (locked.isEmpty()) {
            return false;
        }
        CapsuleRecord row = locked.get();
        if (report.observedAt() != null && row.statusObservedAt != null
                && report.observedAt().isBefore(row.statusObservedAt)) {
            LOG.infof("capsule report %s: older than the applied state; ignored", uuid);
            return false;
        }
        if (report.gone()) {
            if (row.status == ContainerStatus.DELETING) {
                row.delete();
                LOG.infof("capsule report %s from %s: gone, row deleted", uuid, report.host());
                return true;
            }
            row.status = ContainerStatus.ERROR;
            row.statusReason = "The capsule's containers are gone from " + report.host();
        } else if (row.status == ContainerStatus.DELETING && !report.operationDone()) {
            return false;
        } else {
            row.status = report.status();
            row.statusReason = report.statusReason();
        }
        row.members = report.members();
        if (report.addresses() != null) {
            row.addresses = report.addresses();
        }
        row.statusObservedAt = report.observedAt();
        if (report.operationDone()) {
            row.taskState = null;
        }
        row.touch();
        LOG.infof("capsule report %s from %s: %s%s", uuid, report.host(), row.status.value(),
                row.statusReason == null ? "" : " (" + row.statusReason + ")");
        return false;
    }
}
