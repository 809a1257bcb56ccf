package io.windlass.server.workflow;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.context.RequestContext;
import io.windlass.rpc.WorkloadIds;
import io.windlass.scheduler.SchedulerRpcApi;
import io.windlass.server.PowerState;
import io.windlass.server.ServerStatusReport;
import io.windlass.server.ServerTaskState;
import io.windlass.server.VmState;
import io.windlass.server.persistence.ServerRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;

/**
 * report_server_status: turns what an agent observed into vm_state/power_state (newest
 * observation wins), records faults, and soft-deletes a server its host destroyed. The
 * claim is released once the host holds nothing for the server any more.
 */
@ApplicationScoped
public class ServerReportWorkflow {
    private static final Logger LOG = Logger.getLogger(ServerReportWorkflow.class);

    private final SchedulerRpcApi scheduler;
    private final Counter applied;
    private final Counter ignored;

    public ServerReportWorkflow(SchedulerRpcApi scheduler, MeterRegistry registry) {
        this.scheduler = scheduler;
        this.applied = Counter.builder("windlass.conductor.server_reports").tag("result", "applied")
                .description("Server status reports applied or ignored").register(registry);
        this.ignored = Counter.builder("windlass.conductor.server_reports").tag("result", "ignored")
                .description("Server status reports applied or ignored").register(registry);
    }

    /** What the transaction decided; the release is cast after the commit. */
    enum Outcome {
        APPLIED, APPLIED_AND_RELEASE, IGNORED
    }

    public void apply(RequestContext ctx, ServerStatusReport report) {
        UUID uuid = WorkloadIds.parse(report.uuid(), "server");
        Outcome outcome = QuarkusTransaction.requiringNew().call(() -> applyInTransaction(uuid, report));
        (outcome == Outcome.IGNORED ? ignored : applied).increment();
        if (outcome == Outcome.APPLIED_AND_RELEASE) {
            scheduler.releaseResources(ctx, uuid.toString());
            LOG.infof("server report %s: release_resources cast", uuid);
        }
    }

    private Outcome applyInTransaction(UUID uuid, ServerStatusReport report) {
        Optional<ServerRecord> locked = ServerRecord.lockByUuid(uuid);
        if (locked.isEmpty() || locked.get().isDeleted()) {
            LOG.debugf("server report %s from %s: no live row, ignored", uuid, report.host());
            return Outcome.IGNORED;
        }
        ServerRecord s = locked.get();
        if (report.observedAt() != null && s.statusObservedAt != null
                && report.observedAt().isBefore(s.statusObservedAt)) {
            if (report.operationDone() && s.taskState != null && !isDeleting(s)) {
                // the engine event of the same operation can overtake the agent's own report
                s.taskState = null;
                s.touch();
                LOG.infof("server report %s: older than the applied state, operation done: task_state cleared", uuid);
                return Outcome.APPLIED;
            }
            LOG.infof("server report %s from %s: observed %s, older than the applied %s; ignored", uuid,
                    report.host(), report.observedAt(), s.statusObservedAt);
            return Outcome.IGNORED;
        }
        if (report.gone()) {
            return applyGone(s, report);
        }
        if (isDeleting(s)) {
            LOG.infof("server report %s: power state %s while deleting; waiting for the destroy", uuid,
                    report.powerState());
            observed(s, report, false);
            return Outcome.IGNORED;
        }
        if (report.fault() != null) {
            return applyFault(s, report);
        }
        s.powerState = report.powerState().code();
        s.engineId = report.engineId();
        s.addresses = report.addresses();
        String before = s.vmState;
        VmState next = vmStateFor(report.powerState());
        // while an operation runs, only its own completion (or an engine change that is not
        // the operation's starting point) moves the vm_state; a building server becomes
        // active with its first running observation
        if (next != null && (report.operationDone() || s.taskState == null
                || VmState.BUILDING.value().equals(s.vmState))) {
            s.vmState = next.value();
            if (next == VmState.ACTIVE && s.launchedAt == null) {
                s.launchedAt = ServerRecord.now();
            }
        }
        observed(s, report, report.operationDone());
        LOG.infof("server report %s from %s: power %s, vm_state %s → %s%s", uuid, report.host(), report.powerState(),
                before, s.vmState, report.operationDone() ? ", operation done" : "");
        return Outcome.APPLIED;
    }

    private Outcome applyGone(ServerRecord s, ServerStatusReport report) {
        if (isDeleting(s)) {
            ServerDeleteWorkflow.softDelete(s);
            s.statusObservedAt = report.observedAt();
            LOG.infof("server report %s from %s: destroyed, server deleted", s.uuid, report.host());
            return Outcome.APPLIED_AND_RELEASE;
        }
        boolean alreadyFailed = VmState.ERROR.value().equals(s.vmState) && s.fault != null;
        s.vmState = VmState.ERROR.value();
        s.taskState = null;
        s.powerState = PowerState.NOSTATE.code();
        s.engineId = null;
        if (!alreadyFailed) {
            // a failed spawn cleans up after itself, and its removal event must not hide the real reason
            s.fault = ServerFaults.of(500, "The server's workload disappeared from host " + s.host + ".", null);
        }
        observed(s, report, false);
        LOG.warnf("server report %s from %s: the engine no longer has it; server in ERROR", s.uuid, report.host());
        return Outcome.APPLIED;
    }

    private Outcome applyFault(ServerRecord s, ServerStatusReport report) {
        boolean building = VmState.BUILDING.value().equals(s.vmState);
        s.fault = ServerFaults.of(500, report.fault(), null);
        s.taskState = null;
        s.powerState = report.powerState().code();
        observed(s, report, true);
        if (building) {
            // the agent removed what it half-created: nothing holds the host's resources any more
            s.vmState = VmState.ERROR.value();
            LOG.infof("server report %s from %s: spawn failed: %s", s.uuid, report.host(), report.fault());
            return Outcome.APPLIED_AND_RELEASE;
        }
        LOG.infof("server report %s from %s: operation failed: %s", s.uuid, report.host(), report.fault());
        return Outcome.APPLIED;
    }

    private static boolean isDeleting(ServerRecord s) {
        return ServerTaskState.DELETING.value().equals(s.taskState);
    }

    /** Nova's power-state sync: what the engine shows decides the stable state. */
    static VmState vmStateFor(PowerState power) {
        return switch (power) {
            case RUNNING -> VmState.ACTIVE;
            case PAUSED -> VmState.PAUSED;
            case SHUTDOWN, CRASHED -> VmState.STOPPED;
            case SUSPENDED -> VmState.SUSPENDED;
            case NOSTATE -> null;
        };
    }

    private static void observed(ServerRecord s, ServerStatusReport report, boolean operationDone) {
        if (report.observedAt() != null) {
            s.statusObservedAt = report.observedAt();
        }
        if (operationDone) {
            s.taskState = null;
        }
        s.touch();
    }
}
