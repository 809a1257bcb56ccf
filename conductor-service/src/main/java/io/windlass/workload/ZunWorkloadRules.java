package io.windlass.workload;

import io.windlass.container.ContainerAddress;
import io.windlass.container.ContainerStatus;
import io.windlass.network.BoundPort;
import io.windlass.container.TaskState;
import io.windlass.persistence.ZunWorkloadEntity;
import io.windlass.rpc.RemoteException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules the workloads Zun shows (containers, capsules) share: Zun's status mapped onto the
 * lifecycle, {@code Error} with a reason for every failure, {@code Unknown} on a silent host, and
 * no host once nothing is left on it (so a delete needs no agent).
 */
public abstract class ZunWorkloadRules<E extends ZunWorkloadEntity, R extends WorkloadReport>
        implements WorkloadRules<E, R> {

    /**
     * Zun's addresses of ports: keyed by network id, one entry per address, with the port, the
     * subnet and whether the port outlives the workload (NETWORKS.md §1.9).
     */
    public static Map<String, List<ContainerAddress>> zunAddresses(List<BoundPort> ports) {
        Map<String, List<ContainerAddress>> out = new LinkedHashMap<>();
        for (BoundPort p : ports) {
            List<ContainerAddress> list = out.computeIfAbsent(p.networkId(), k -> new ArrayList<>());
            p.fixedIps().forEach(ip -> list.add(new ContainerAddress(ip.ipAddress(), ip.ipVersion(), p.portId(),
                    ip.subnetId(), p.preserveOnDelete())));
        }
        return out;
    }

    /** Starts the kind's sentences: {@code Container}, {@code Capsule}. */
    protected abstract String noun();

    /** Whether the row goes with its engine workload (Zun's {@code auto_remove}). */
    protected boolean removedWithEngine(E row) {
        return false;
    }

    /** Whether an engine workload its host lost is made again there (Zun's {@code auto_heal}). */
    protected boolean healsWhenLost(E row) {
        return false;
    }

    /** Creating again on the same host, as a create whose end the host has not reported yet. */
    @Override
    public void heal(E row) {
        row.status = ContainerStatus.CREATING;
        row.statusReason = null;
        row.taskState = TaskState.CONTAINER_CREATING;
    }

    @Override
    public String inFlightCondition() {
        return "w.taskState is not null or w.status in (io.windlass.container.ContainerStatus.CREATING, "
                + "io.windlass.container.ContainerStatus.DELETING)";
    }

    @Override
    public RowState state(E row) {
        return new RowState(phaseOf(row), row.taskState != null, row.host, row.statusObservedAt, row.createdAt,
                row.updatedAt, removedWithEngine(row), row.taskState == TaskState.CONTAINER_CREATING, false,
                healsWhenLost(row));
    }

    private static Phase phaseOf(ZunWorkloadEntity row) {
        return switch (row.status) {
            case CREATING -> row.host == null ? Phase.SCHEDULING : Phase.CREATING;
            case DELETING -> Phase.DELETING;
            case ERROR -> Phase.FAILED;
            case UNKNOWN -> Phase.UNKNOWN;
            default -> Phase.LIVE;
        };
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
    public void placed(E row, String host, String zone) {
        row.host = host;
        row.taskState = TaskState.CONTAINER_CREATING;
    }

    @Override
    public void fail(E row, String reason) {
        if (row.status != ContainerStatus.ERROR || row.statusReason == null) {
            row.statusReason = reason;
        }
        row.status = ContainerStatus.ERROR;
    }

    @Override
    public void clearTask(E row) {
        row.taskState = null;
    }

    @Override
    public boolean deleteUnplaced(E row) {
        return true;
    }

    @Override
    public void nothingLeftOnHost(E row) {
        row.host = null;
    }

    @Override
    public boolean deleteGone(E row, R report) {
        return true;
    }

    @Override
    public boolean showsUnknown() {
        return true;
    }

    @Override
    public void markUnknown(E row, String reason) {
        row.status = ContainerStatus.UNKNOWN;
        row.statusReason = reason;
    }

    @Override
    public String notScheduledInTime() {
        return noun() + " was not scheduled in time";
    }

    @Override
    public String notCreatedInTime(String host, Duration timeout) {
        return noun() + " was not created on host " + host + " within " + timeout.toSeconds() + " s";
    }
}
