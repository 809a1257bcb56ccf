package io.windlass.capsule;

import io.windlass.capsule.persistence.CapsuleEntity;
import io.windlass.container.ContainerRules;
import io.windlass.container.ContainerStatus;
import io.windlass.container.TaskState;
import io.windlass.rpc.RemoteException;
import io.windlass.scheduler.ResourceRequest;
import io.windlass.workload.Phase;
import io.windlass.workload.RowState;
import io.windlass.workload.WorkloadRules;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;

/**
 * Zun capsules in the one lifecycle: Zun's container statuses for the whole capsule, scheduled as
 * one unit (the members' summed resources, one claim keyed by the capsule uuid).
 */
@ApplicationScoped
public class CapsuleRules implements WorkloadRules<CapsuleEntity, CapsuleStatusReport> {

    @Override
    public String kind() {
        return "capsule";
    }

    @Override
    public Class<CapsuleEntity> rowType() {
        return CapsuleEntity.class;
    }

    @Override
    public Class<CapsuleStatusReport> reportType() {
        return CapsuleStatusReport.class;
    }

    @Override
    public String inFlightCondition() {
        return "w.taskState is not null or w.status in (io.windlass.container.ContainerStatus.CREATING, "
                + "io.windlass.container.ContainerStatus.DELETING)";
    }

    @Override
    public RowState state(CapsuleEntity row) {
        return new RowState(ContainerRules.phaseOf(row.status, row.host), row.taskState != null, row.host,
                row.statusObservedAt, row.createdAt, row.updatedAt, false);
    }

    @Override
    public ResourceRequest resources(CapsuleEntity row) {
        return new ResourceRequest(row.uuid.toString(), kind(), row.projectId, row.cpu, row.memory, 0,
                row.availabilityZone, null, row.labels == null ? Map.of() : row.labels);
    }

    @Override
    public String schedulingFailed(RemoteException refusal) {
        return refusal.getMessage();
    }

    @Override
    public String schedulerTimedOut() {
        return "Scheduler did not answer in time";
    }

    @Override
    public void placed(CapsuleEntity row, String host, String zone) {
        row.host = host;
        row.taskState = TaskState.CONTAINER_CREATING;
    }

    @Override
    public void fail(CapsuleEntity row, String reason) {
        if (row.status != ContainerStatus.ERROR || row.statusReason == null) {
            row.statusReason = reason;
        }
        row.status = ContainerStatus.ERROR;
    }

    @Override
    public void clearTask(CapsuleEntity row) {
        row.taskState = null;
    }

    @Override
    public boolean deleteUnplaced(CapsuleEntity row) {
        return true;
    }

    /** A failed create removes everything it made before it reports (the agent's CapsuleManager). */
    @Override
    public boolean leftNothing(CapsuleEntity row, CapsuleStatusReport report) {
        return report.status() == ContainerStatus.ERROR && report.operationDone()
                && row.status == ContainerStatus.CREATING && row.host != null;
    }

    @Override
    public void applyObserved(CapsuleEntity row, CapsuleStatusReport report) {
        row.status = report.status();
        row.statusReason = report.statusReason();
        row.members = report.members();
        if (report.addresses() != null) {
            row.addresses = report.addresses();
        }
    }

    @Override
    public void nothingLeftOnHost(CapsuleEntity row) {
        // with no host, a delete needs no agent
        row.host = null;
    }

    @Override
    public boolean deleteGone(CapsuleEntity row, CapsuleStatusReport report) {
        return true;
    }

    @Override
    public void lost(CapsuleEntity row, CapsuleStatusReport report) {
        fail(row, "The capsule's containers are gone from " + report.host());
        row.members = report.members();
    }

    @Override
    public boolean showsUnknown() {
        return true;
    }

    @Override
    public void markUnknown(CapsuleEntity row, String reason) {
        row.status = ContainerStatus.UNKNOWN;
        row.statusReason = reason;
    }

    @Override
    public String notScheduledInTime() {
        return "Capsule was not scheduled in time";
    }

    @Override
    public String notCreatedInTime(String host, Duration timeout) {
        return "Capsule was not created on host " + host + " within " + timeout.toSeconds() + " s";
    }
}
