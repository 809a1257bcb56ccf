package io.windlass.container;

import io.windlass.container.persistence.ContainerEntity;
import io.windlass.rpc.RemoteException;
import io.windlass.scheduler.ResourceRequest;
import io.windlass.workload.Phase;
import io.windlass.workload.RowState;
import io.windlass.workload.WorkloadRules;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;

/** Zun containers in the one lifecycle: Zun's status and task state, and what a container asks of a host. */
@ApplicationScoped
public class ContainerRules implements WorkloadRules<ContainerEntity, ContainerStatusReport> {

    @Override
    public String kind() {
        return "container";
    }

    @Override
    public Class<ContainerEntity> rowType() {
        return ContainerEntity.class;
    }

    @Override
    public Class<ContainerStatusReport> reportType() {
        return ContainerStatusReport.class;
    }

    @Override
    public String inFlightCondition() {
        return "w.taskState is not null or w.status in (io.windlass.container.ContainerStatus.CREATING, "
                + "io.windlass.container.ContainerStatus.DELETING)";
    }

    @Override
    public RowState state(ContainerEntity row) {
        return new RowState(phaseOf(row.status, row.host), row.taskState != null, row.host, row.statusObservedAt,
                row.createdAt, row.updatedAt, row.autoRemove);
    }

    /** Zun's statuses, shared by containers and capsules. */
    public static Phase phaseOf(ContainerStatus status, String host) {
        return switch (status) {
            case CREATING -> host == null ? Phase.SCHEDULING : Phase.CREATING;
            case DELETING -> Phase.DELETING;
            case ERROR -> Phase.FAILED;
            case UNKNOWN -> Phase.UNKNOWN;
            default -> Phase.LIVE;
        };
    }

    /** What the host needs to create it (the agent has no database). */
    public ContainerSpec spec(ContainerEntity row) {
        return new ContainerSpec(row.uuid.toString(), row.name, row.image, row.command, row.entrypoint, row.cpu,
                row.memory, row.workdir, row.hostname, row.environment, row.labels,
                row.restartPolicy, row.interactive, row.tty, row.imagePullPolicy, row.autoRemove,
                row.projectId);
    }

    @Override
    public ResourceRequest resources(ContainerEntity row) {
        // labels are the container's properties for the aggregate extra-specs filter; containers have
        // no image metadata service yet, hence no image properties
        return new ResourceRequest(row.uuid.toString(), kind(), row.projectId, row.cpu, row.memory, row.disk,
                row.availabilityZone, null, row.labels == null ? Map.of() : row.labels,
                row.schedulerHints == null ? Map.of() : row.schedulerHints, Map.of());
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
    public void placed(ContainerEntity row, String host, String zone) {
        row.host = host;
        row.taskState = TaskState.CONTAINER_CREATING;
    }

    @Override
    public void fail(ContainerEntity row, String reason) {
        if (row.status != ContainerStatus.ERROR || row.statusReason == null) {
            row.statusReason = reason;
        }
        row.status = ContainerStatus.ERROR;
    }

    @Override
    public void clearTask(ContainerEntity row) {
        row.taskState = null;
    }

    @Override
    public boolean deleteUnplaced(ContainerEntity row) {
        return true;
    }

    @Override
    public boolean leftNothing(ContainerEntity row, ContainerStatusReport report) {
        return report.status() == ContainerStatus.ERROR && report.engineId() == null && row.host != null;
    }

    @Override
    public void applyObserved(ContainerEntity row, ContainerStatusReport report) {
        row.status = report.status();
        row.statusReason = report.statusReason();
        row.statusDetail = report.statusDetail();
        row.engineId = report.engineId();
        if (report.addresses() != null) {
            row.addresses = report.addresses();
        }
        if (report.ports() != null) {
            row.ports = report.ports();
        }
        // the image's own command, when the user gave none
        if ((row.command == null || row.command.isEmpty()) && report.command() != null
                && !report.command().isEmpty()) {
            row.command = report.command();
        }
    }

    @Override
    public void nothingLeftOnHost(ContainerEntity row) {
        // with no host, a delete needs no agent
        row.host = null;
    }

    @Override
    public boolean deleteGone(ContainerEntity row, ContainerStatusReport report) {
        return true;
    }

    @Override
    public void lost(ContainerEntity row, ContainerStatusReport report) {
        fail(row, "No such container " + row.uuid + " in the engine on " + row.host);
        row.engineId = null;
    }

    @Override
    public boolean showsUnknown() {
        return true;
    }

    @Override
    public void markUnknown(ContainerEntity row, String reason) {
        row.status = ContainerStatus.UNKNOWN;
        row.statusReason = reason;
    }

    @Override
    public String notScheduledInTime() {
        return "Container was not scheduled in time";
    }

    @Override
    public String notCreatedInTime(String host, Duration timeout) {
        return "Container was not created on host " + host + " within " + timeout.toSeconds() + " s";
    }
}
