package io.windlass.server;

import io.windlass.migration.persistence.ServerMigrations;
import io.windlass.image.persistence.ImageEntity;
import io.windlass.migration.persistence.MigrationEntity;
import io.windlass.network.BoundPort;
import io.windlass.network.WorkloadNetworks;
import io.windlass.rpc.RemoteException;
import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.SchedulerRpcApi;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.workload.LeftoverImage;
import io.windlass.workload.Phase;
import io.windlass.workload.RowState;
import io.windlass.workload.WorkloadRules;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Nova servers in the one lifecycle: vm_state and task_state, faults, power states observed by
 * the host, and rows that stay after a delete (soft-deleted, as Nova keeps them).
 */
@ApplicationScoped
public class ServerRules implements WorkloadRules<ServerEntity, ServerStatusReport> {
    private final ServerMigrations migrations;
    private final ShelvedImages shelvedImages;

    public ServerRules(ServerMigrations migrations, ShelvedImages shelvedImages) {
        this.migrations = migrations;
        this.shelvedImages = shelvedImages;
    }

    @Override
    public String kind() {
        return "server";
    }

    @Override
    public Class<ServerEntity> rowType() {
        return ServerEntity.class;
    }

    @Override
    public String inFlightCondition() {
        return "w.deletedAt is null and (w.taskState is not null or w.vmState = io.windlass.server.VmState.BUILDING)";
    }

    /** The task states of a boot, until the host reports it done. */
    private static final java.util.Set<ServerTaskState> CREATE_TASKS = java.util.EnumSet.of(ServerTaskState.SCHEDULING,
            ServerTaskState.BLOCK_DEVICE_MAPPING, ServerTaskState.NETWORKING, ServerTaskState.SPAWNING);

    /** Null once soft-deleted: for the lifecycle the server is gone. */
    @Override
    public RowState state(ServerEntity row) {
        if (row.isDeleted()) {
            return null;
        }
        Phase phase;
        if (row.taskState == ServerTaskState.DELETING) {
            phase = Phase.DELETING;
        } else if (row.vmState == VmState.BUILDING) {
            phase = row.host == null ? Phase.SCHEDULING : Phase.CREATING;
        } else if (row.taskState == ServerTaskState.REBUILD_SPAWNING || unshelving(row)
                || row.taskState == ServerTaskState.RESIZE_FINISH) {
            // evacuated, unshelved after an offload, or moved by a cold migration: scheduled and spawned
            // anew, which is re-driven and timed out as a boot's
            phase = row.host == null ? Phase.SCHEDULING : Phase.CREATING;
        } else if (row.vmState == VmState.ERROR) {
            phase = Phase.FAILED;
        } else {
            phase = Phase.LIVE;
        }
        return new RowState(phase, row.taskState != null, row.host, row.statusObservedAt, row.createdAt,
                row.updatedAt, false, CREATE_TASKS.contains(row.taskState),
                row.host != null && REPLACING_TASKS.contains(row.taskState), false, row.migrationSource);
    }

    /** The tasks during which the host removes the engine workload on purpose: a rebuild's, an offload's. */
    private static final java.util.Set<ServerTaskState> REPLACING_TASKS = java.util.EnumSet.of(
            ServerTaskState.REBUILDING, ServerTaskState.SHELVING, ServerTaskState.SHELVING_OFFLOADING);

    /** An offloaded server being unshelved: scheduled ({@code unshelving}), then spawned ({@code spawning}). */
    private static boolean unshelving(ServerEntity row) {
        return row.vmState == VmState.SHELVED_OFFLOADED && (row.taskState == ServerTaskState.UNSHELVING
                || row.taskState == ServerTaskState.SPAWNING);
    }

    /**
     * What the host needs to spawn it (the agent has no database); a server whose vm_state is stopped
     * (evacuated to stopped) is left powered off.
     */
    public ServerSpec spec(ServerEntity s) {
        // an offloaded server comes back from the image it was shelved to, a moved one from the image
        // its disk travelled in
        String image = s.migrationImageId != null ? ImageEntity.referenceOf(s.migrationImageId)
                : s.vmState == VmState.SHELVED_OFFLOADED && s.shelvedImage != null ? s.shelvedImage : s.image;
        return new ServerSpec(s.uuid.toString(), s.name, s.hostname, image, s.vcpus, s.memoryMb, s.rootGb,
                s.metadata, s.projectId, s.userId, s.availabilityZone, s.launchIndex, s.reservationId, s.userData,
                s.files, s.network, s.vmState == VmState.STOPPED, WorkloadNetworks.NONE,
                s.keyName == null ? null : new ServerKey(s.keyName, s.keyType, s.keyData));
    }

    /**
     * The vm_state an evacuated server ends in, as Nova's rebuild on the destination leaves it: a
     * stopped server stays stopped, any other becomes active; from 2.95 ({@code stopRequested}) all
     * but a failed one end stopped.
     */
    public static VmState evacuatedState(VmState current, boolean stopRequested) {
        return current == VmState.STOPPED || stopRequested && current != VmState.ERROR ? VmState.STOPPED
                : VmState.ACTIVE;
    }

    /**
     * Nova's addresses of ports: keyed by network name, fixed addresses with the port's MAC
     * ({@code OS-EXT-IPS:type} and {@code OS-EXT-IPS-MAC:mac_addr} in the view).
     */
    @Override
    public void addressed(ServerEntity row, List<BoundPort> ports) {
        Map<String, List<ServerAddress>> out = new LinkedHashMap<>();
        for (BoundPort p : ports) {
            List<ServerAddress> list = out.computeIfAbsent(p.networkName(), k -> new ArrayList<>());
            p.fixedIps().forEach(ip -> list.add(new ServerAddress(ip.ipAddress(), ip.ipVersion(), p.mac())));
        }
        row.addresses = out;
    }

    /**
     * The server leaves its down host for {@code host}, which spawns it again: what the old host
     * observed goes (its clock is not the new host's), the vm_state is the one the spawn ends in.
     */
    public void evacuated(ServerEntity row, String host, String zone, VmState target) {
        row.host = host;
        row.availabilityZone = zone;
        row.vmState = target;
        row.taskState = ServerTaskState.REBUILD_SPAWNING;
        forgetHost(row);
    }

    /**
     * A cold migration's (or a moving resize's) guest is in the store: the row names the new host, on
     * the flavor it moves to (the old one kept for a revert), which spawns it ({@code resize_finish}).
     * The vm_state stays as it was, so the spawn leaves it running or stopped as it was.
     */
    public void moved(ServerEntity row, String host, String zone, FlavorSnapshot target) {
        row.oldFlavor = ServerResize.flavorOf(row);
        ServerResize.apply(row, target);
        row.newFlavor = null;
        row.host = host;
        row.availabilityZone = zone;
        row.taskState = ServerTaskState.RESIZE_FINISH;
        forgetHost(row);
    }

    /**
     * A reverted move: the row names the host it came from, on its old flavor, whose stopped copy is
     * the server again; a server that ran is powered on there ({@code powering-on}).
     */
    public void movedBack(ServerEntity row, String source, String zone, boolean running) {
        ServerResize.apply(row, row.oldFlavor);
        row.oldFlavor = null;
        row.host = source;
        row.availabilityZone = zone;
        row.migrationSource = null;
        row.migrationImageId = null;
        forgetHost(row);
        row.powerState = PowerState.SHUTDOWN;
        row.vmState = running ? VmState.ACTIVE : VmState.STOPPED;
        row.taskState = running ? ServerTaskState.POWERING_ON : null;
    }

    /**
     * What the old host observed goes (its clock is not the new host's); on ports the addresses stay
     * (the ports move with the server), else the new host shows its own.
     */
    private static void forgetHost(ServerEntity row) {
        row.powerState = PowerState.NOSTATE;
        row.engineId = null;
        if (row.nics.isEmpty()) {
            row.addresses = Map.of();
        }
        row.statusObservedAt = null;
    }

    /** An evacuation that could not start: the server stays where it was, as it was, with the reason as its fault. */
    public void evacuationFailed(ServerEntity row, String reason) {
        row.fault = ServerFaults.of(500, reason, null);
        row.taskState = null;
    }

    /** The flavor's resources, its extra specs matched against aggregate metadata, the zone and hints. */
    @Override
    public ResourceRequest resources(ServerEntity s) {
        return new ResourceRequest(s.uuid.toString(), kind(), s.projectId, s.vcpus, s.memoryMb, s.rootGb,
                s.requestedZone, s.requestedHost, s.flavorExtraSpecs == null ? Map.of() : s.flavorExtraSpecs,
                s.schedulerHints == null ? Map.of() : s.schedulerHints, Map.of());
    }

    @Override
    public String schedulingFailed(RemoteException refusal) {
        return SchedulerRpcApi.NO_VALID_HOST.equals(refusal.type())
                ? "No valid host was found. " + refusal.getMessage() : refusal.getMessage();
    }

    @Override
    public String schedulerTimedOut() {
        return "The scheduler did not answer in time.";
    }

    @Override
    public boolean recordsZone() {
        return true;
    }

    @Override
    public void placed(ServerEntity row, String host, String zone) {
        row.host = host;
        row.availabilityZone = zone;
        row.taskState = ServerTaskState.SPAWNING;
    }

    /**
     * Nova records failures as a 500 fault ({@code NoValidHost} included); the first one is kept. An
     * offloaded server whose unshelve found no host stays shelved and offloaded, as Nova's conductor
     * leaves it (the action's event holds the reason).
     */
    @Override
    public void fail(ServerEntity row, String reason) {
        if (row.vmState == VmState.SHELVED_OFFLOADED && row.host == null) {
            return;
        }
        if (row.vmState != VmState.ERROR || row.fault == null) {
            row.fault = ServerFaults.of(500, reason, null);
        }
        row.vmState = VmState.ERROR;
    }

    /**
     * A resize's or move's task cleared here (stale, or its message not sent) ends its migration record
     * too; a move cleared before it left its source is on that source alone again.
     */
    @Override
    public void clearTask(ServerEntity row) {
        if (row.taskState != null) {
            migrations.taskAbandoned(row.uuid, row.taskState);
        }
        if (row.taskState == ServerTaskState.RESIZE_MIGRATING) {
            // the move never left its source: the server is the copy there, and its claims are the
            // conductor's to give back when the source's answer ends or times out
            row.migrationSource = null;
            row.migrationImageId = null;
        }
        row.taskState = null;
    }

    @Override
    public boolean deleteUnplaced(ServerEntity row) {
        softDelete(row);
        return false;
    }

    /** A spawn that failed (a boot's, an evacuation's) has removed what it half-created. */
    @Override
    public boolean leftNothing(ServerEntity row, ServerStatusReport report) {
        // a spawn that failed after its container was made (its start failed while the engine restarted)
        // reports the container it left: that keeps its claim, as a container's does
        return report.fault() != null && spawning(row) && report.engineId() == null;
    }

    private static boolean spawning(ServerEntity row) {
        return row.vmState == VmState.BUILDING || row.taskState == ServerTaskState.REBUILD_SPAWNING
                || row.taskState == ServerTaskState.RESIZE_FINISH || unshelving(row);
    }

    /** A running server shows an address on each network it is on, keyed by the network's uuid. */
    @Override
    public Optional<Set<String>> connectedNetworks(ServerStatusReport report) {
        return report.powerState() == PowerState.RUNNING && report.fault() == null
                ? Optional.of(report.addresses().keySet()) : Optional.empty();
    }

    @Override
    public Optional<LeftoverImage> applyObserved(ServerEntity s, ServerStatusReport report) {
        if (s.taskState == ServerTaskState.REBUILD_SPAWNING && report.operationDone()) {
            // the new host's spawn ends the evacuation
            migrations.evacuationEnded(s.uuid, report.fault() == null ? MigrationEntity.DONE : MigrationEntity.FAILED);
        }
        s.powerState = shownPower(report.powerState(), s.vmState, s.taskState);
        if (s.taskState == ServerTaskState.RESIZE_FINISH && report.operationDone()) {
            // the new host's spawn ends the move: it waits for its confirm or revert, or failed there
            if (report.fault() == null) {
                migrations.advance(s.uuid, MigrationEntity.FINISHED, MigrationEntity.POST_MIGRATING);
            } else {
                migrations.failed(s.uuid);
            }
        }
        if (report.fault() != null) {
            s.fault = ServerFaults.of(500, report.fault(), null);
            // a failed rebuild removed the old workload too: the server keeps its host, claim and ports
            // (a rebuild again may mend it), as Nova's does
            if (spawning(s) || s.taskState == ServerTaskState.REBUILDING && report.operationDone()) {
                s.vmState = VmState.ERROR;
            }
            return Optional.empty();
        }
        s.engineId = report.engineId();
        // on ports, the row shows the ports' addresses (addressed); the engine's would name its own network
        if (s.nics.isEmpty()) {
            s.addresses = report.addresses();
        }
        VmState next = vmStateFor(report.powerState(), s.vmState, s.taskState, report.rescued());
        // while an operation runs, only its own completion (or an engine change that is not the
        // operation's starting point) moves the vm_state; a building server becomes active with
        // its first running observation
        Optional<LeftoverImage> leftover = Optional.empty();
        if (s.taskState == ServerTaskState.RESIZE_FINISH && report.operationDone()) {
            next = VmState.RESIZED;
        }
        if (next != null && (report.operationDone() || s.taskState == null || s.vmState == VmState.BUILDING)) {
            if (next == VmState.ACTIVE && s.shelvedImageId != null) {
                // unshelved: the shelved image has served its purpose, as Nova deletes it then
                leftover = shelvedImages.unshelved(s, s.vmState != VmState.SHELVED);
            }
            s.vmState = next;
            if (next == VmState.ACTIVE && s.launchedAt == null) {
                s.launchedAt = ServerEntity.now();
            }
        }
        return leftover;
    }

    /**
     * Nova's power-state sync: what the engine shows decides the stable state. The engine shows a
     * frozen guest as paused whether it was paused or suspended; the action that froze it (the task
     * state now, the vm_state later) says which. A resized server stays resized until confirmed or reverted,
     * a rescued one rescued until unrescued or stopped.
     */
    static VmState vmStateFor(PowerState power, VmState current, ServerTaskState task) {
        return vmStateFor(power, current, task, null);
    }

    /**
     * As above, with what the host says of a rescue: a rescue system that runs makes the server
     * rescued, and a rescued server without one is not, whatever task state the reconciler may have
     * cleared while the host was at work. An older agent says nothing (null): the task state decides.
     */
    static VmState vmStateFor(PowerState power, VmState current, ServerTaskState task, Boolean rescued) {
        if (current == VmState.SHELVED) {
            // powered off on its host until unshelved: only the unshelve's power-on makes it active
            return task == ServerTaskState.POWERING_ON && power == PowerState.RUNNING ? VmState.ACTIVE
                    : VmState.SHELVED;
        }
        if (rescued != null && power != PowerState.NOSTATE) {
            if (rescued) {
                return VmState.RESCUED;
            }
            if (current == VmState.RESCUED) {
                // unrescued or stopped: the power state says which
                current = VmState.ACTIVE;
            }
        } else if (task == ServerTaskState.RESCUING && power == PowerState.RUNNING
                || current == VmState.RESCUED && task != ServerTaskState.UNRESCUING
                && task != ServerTaskState.POWERING_OFF && power != PowerState.NOSTATE) {
            // rescued until unrescued, whatever its rescue system does (the host shows that system's power state)
            return VmState.RESCUED;
        }
        if (current == VmState.RESIZED && power != PowerState.NOSTATE) {
            // a resize waiting for its confirm or revert stays so whatever the guest does, as in Nova's sync
            return VmState.RESIZED;
        }
        return switch (power) {
            case RUNNING -> VmState.ACTIVE;
            case PAUSED -> suspended(current, task) ? VmState.SUSPENDED : VmState.PAUSED;
            case SHUTDOWN, CRASHED -> VmState.STOPPED;
            case SUSPENDED -> VmState.SUSPENDED;
            case NOSTATE -> null;
        };
    }

    /** The power state shown: a suspended server's frozen guest is {@code SUSPENDED} (7), as Nova numbers it. */
    static PowerState shownPower(PowerState observed, VmState current, ServerTaskState task) {
        return observed == PowerState.PAUSED && suspended(current, task) ? PowerState.SUSPENDED : observed;
    }

    private static boolean suspended(VmState current, ServerTaskState task) {
        return task == ServerTaskState.SUSPENDING || current == VmState.SUSPENDED;
    }

    /** Nova shows the host of a failed server; only a delete takes it away. */
    @Override
    public void nothingLeftOnHost(ServerEntity row) {
    }

    @Override
    public boolean deleteGone(ServerEntity row, ServerStatusReport report) {
        softDelete(row);
        if (report.observedAt() != null) {
            row.statusObservedAt = report.observedAt();
        }
        return false;
    }

    /** Nova keeps deleted rows (changes-since and deleted=true show them); the quota trigger releases usage. */
    private static void softDelete(ServerEntity s) {
        var now = ServerEntity.now();
        s.vmState = VmState.DELETED;
        s.taskState = null;
        s.powerState = PowerState.NOSTATE;
        s.deletedAt = now;
        s.terminatedAt = now;
    }

    @Override
    public void lost(ServerEntity s, ServerStatusReport report) {
        // a failed spawn cleans up after itself, and its removal event must not hide the real reason
        fail(s, "The server's workload disappeared from host " + s.host + ".");
        s.powerState = PowerState.NOSTATE;
        s.engineId = null;
    }

    /** Nova shows a silent host through {@code host_status}, not the vm_state. */
    @Override
    public boolean showsUnknown() {
        return false;
    }

    @Override
    public void markUnknown(ServerEntity row, String reason) {
        throw new UnsupportedOperationException("servers do not show Unknown");
    }

    @Override
    public String notScheduledInTime() {
        return "The server was not scheduled in time.";
    }

    @Override
    public String notCreatedInTime(String host, Duration timeout) {
        return "The server was not spawned on host " + host + " within " + timeout.toSeconds() + " s.";
    }

    /** Nova's event names: the compute manager's method behind each step ({@code wrap_instance_event}). */
    @Override
    public String hostEvent(String step) {
        return switch (step) {
            case "create" -> "compute__do_build_and_run_instance";
            case "delete" -> "compute_terminate_instance";
            case "reboot_soft", "reboot_hard" -> "compute_reboot_instance";
            case "attach_interface", "detach_interface" -> "compute_" + step;
            default -> "compute_" + step + "_instance";
        };
    }

    /** An offloaded server built again is Nova's unshelve ({@code conductor.manager.unshelve_instance}). */
    @Override
    public String scheduleEvent(ServerEntity s) {
        return unshelving(s) ? "conductor_unshelve_instance" : "conductor_schedule_and_build_instances";
    }

    /** ... and its spawn the compute manager's {@code unshelve_instance}. */
    @Override
    public String buildStep(ServerEntity s) {
        return unshelving(s) ? "unshelve" : "create";
    }


    @Override
    public String failure(ServerStatusReport report) {
        return report.fault();
    }
}
