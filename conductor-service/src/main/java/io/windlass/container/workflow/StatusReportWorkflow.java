package io.windlass.container.workflow;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.container.ContainerStatus;
import io.windlass.container.ContainerStatusReport;
import io.windlass.container.persistence.ContainerRecord;
import io.windlass.context.RequestContext;
import io.windlass.rpc.WorkloadIds;
import io.windlass.scheduler.SchedulerRpcApi;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;

/**
 * report_container_status: applies what an agent saw to the row, newest observation wins.
 * Resources are released once the engine holds nothing for the container any more.
 */
@ApplicationScoped
public class StatusReportWorkflow {
    private static final Logger LOG = Logger.getLogger(StatusReportWorkflow.class);

    private final SchedulerRpcApi scheduler;
    private final Counter applied;
    private final Counter ignored;

    public StatusReportWorkflow(SchedulerRpcApi scheduler, MeterRegistry registry) {
        this.scheduler = scheduler;
        this.applied = Counter.builder("windlass.conductor.reports").tag("result", "applied")
                .description("Container status reports applied or ignored").register(registry);
        this.ignored = Counter.builder("windlass.conductor.reports").tag("result", "ignored")
                .description("Container status reports applied or ignored").register(registry);
    }

    /** What the transaction decided; the release is cast after the commit. */
    enum Outcome {
        APPLIED, APPLIED_AND_RELEASE, DELETED_AND_RELEASE, IGNORED
    }

    public void apply(RequestContext ctx, ContainerStatusReport report) {
        UUID uuid = WorkloadIds.parse(report.uuid(), "container");
        Outcome outcome = QuarkusTransaction.requiringNew().call(() -> applyInTransaction(uuid, report));
        (outcome == Outcome.IGNORED ? ignored : applied).increment();
        if (outcome == Outcome.APPLIED_AND_RELEASE || outcome == Outcome.DELETED_AND_RELEASE) {
            scheduler.releaseResources(ctx, uuid.toString());
            LOG.infof("report %s: release_resources cast", uuid);
        }
    }

    private Outcome applyInTransaction(UUID uuid, ContainerStatusReport report) {
        Optional<ContainerRecord> locked = ContainerRecord.lockByUuid(uuid);
        if (locked.isEmpty()) {
            LOG.debugf("report %s from %s: no such row, ignored", uuid, report.host());
            return Outcome.IGNORED;
        }
        ContainerRecord row = locked.get();
        if (report.observedAt() != null && row.statusObservedAt != null
                && report.observedAt().isBefore(row.statusObservedAt)) {
            if (report.operationDone() && row.taskState != null) {
                // The engine event of the same operation can overtake the agent's own report;
                // its state is older, but the operation it closes is still over.
                LOG.infof("report %s from %s: older than the applied state, operation done: task_state cleared",
                        uuid, report.host());
                row.taskState = null;
                row.touch();
                return Outcome.APPLIED;
            }
            LOG.infof("report %s from %s: observed %s, older than the applied %s; ignored", uuid, report.host(),
                    report.observedAt(), row.statusObservedAt);
            return Outcome.IGNORED;
        }
        if (report.gone()) {
            return applyGone(row, report);
        }
        if (row.status == ContainerStatus.DELETING && !report.operationDone()) {
            LOG.infof("report %s: %s while deleting; waiting for the delete to finish", uuid,
                    report.status().value());
            return Outcome.IGNORED;
        }
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
        if ((row.command == null || row.command.isEmpty()) && report.command() != null
                && !report.command().isEmpty()) {
            row.command = report.command();
        }
        observed(row, report);
        boolean release = false;
        if (report.status() == ContainerStatus.ERROR && report.engineId() == null && row.host != null) {
            // nothing left on the engine: free the host now so a later delete needs no agent
            row.host = null;
            release = true;
        }
        LOG.infof("report %s from %s: %s%s%s", uuid, report.host(), report.status().value(),
                report.statusReason() == null ? "" : " (" + report.statusReason() + ")",
                report.operationDone() ? ", operation done" : "");
        return release ? Outcome.APPLIED_AND_RELEASE : Outcome.APPLIED;
    }

    private Outcome applyGone(ContainerRecord row, ContainerStatusReport report) {
        if (row.status == ContainerStatus.DELETING || row.autoRemove) {
            row.delete();
            LOG.infof("report %s from %s: gone, row deleted", row.uuid, report.host());
            return Outcome.DELETED_AND_RELEASE;
        }
        row.status = ContainerStatus.ERROR;
        row.statusReason = "No such container " + row.uuid + " in the engine on " + row.host;
        row.engineId = null;
        row.host = null;
        observed(row, report);
        LOG.infof("report %s from %s: engine container lost, row in Error", row.uuid, report.host());
        return Outcome.APPLIED_AND_RELEASE;
    }

    private static void observed(ContainerRecord row, ContainerStatusReport report) {
        if (report.observedAt() != null) {
            row.statusObservedAt = report.observedAt();
        }
        if (report.operationDone()) {
            row.taskState = null;
        }
        row.touch();
    }
}
