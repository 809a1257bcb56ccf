package io.windlass.workload;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.aggregate.persistence.AggregateHostReader;
import io.windlass.conductor.config.ConductorConfig;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.image.RemoveImage;
import io.windlass.network.PlacedNetworks;
import io.windlass.network.WorkloadNetworks;
import io.windlass.network.WorkloadPort;
import io.windlass.persistence.WorkloadEntity;
import io.windlass.rpc.RemoteException;
import io.windlass.rpc.RpcException;
import io.windlass.rpc.RpcTimeoutException;
import io.windlass.rpc.RpcVersionCapExceeded;
import io.windlass.rpc.WorkloadIds;
import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.SchedulerRpcApi;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one lifecycle shell of every workload kind: build (schedule, record the host, have the host
 * create it), forward an action, delete, apply a report. The kind's {@link WorkloadRules} say how
 * each step is written into its row; the kind's manager says which message reaches the host.
 * <p>
 * Every step commits its row change before it casts, so a host's answer never races the commit,
 * and every step is safe to run twice (messages arrive at least once): a repeated build finds
 * the row placed, the scheduler answers a repeated request with the same claim, hosts reuse what
 * they created, a repeated delete finds the host again.
 *
 * @param <E> the kind's row
 * @param <R> the kind's agent report
 */
public class WorkloadLifecycle<E extends WorkloadEntity, R extends WorkloadReport> {
    private static final Logger LOG = Logger.getLogger(WorkloadLifecycle.class);

    /** Sends the kind's message about a row to the host holding it. */
    @FunctionalInterface
    public interface HostCast<E> {
        void send(String host, E row);
    }

    /** Sends the kind's create of a row, with its ports, to the host chosen for it. */
    @FunctionalInterface
    public interface HostCreate<E> {
        void send(String host, E row, WorkloadNetworks networks);
    }

    private final WorkloadRules<E, R> rules;
    private final WorkloadRows rows;
    private final SchedulerRpcApi scheduler;
    private final AggregateHostReader aggregates;
    private final ConductorConfig config;
    private final HostCast<E> redelete;
    private final HostCreate<E> recreate;
    private final NetworkSteps networks;
    private final ActionEvents events;
    private final ComputeRpcApi compute;
    private final WorkloadInterfaces interfaces;
    private final Counter applied;
    private final Counter ignored;

    WorkloadLifecycle(WorkloadRules<E, R> rules, HostCreate<E> recreate, HostCast<E> redelete, WorkloadRows rows,
                      SchedulerRpcApi scheduler, AggregateHostReader aggregates, ConductorConfig config,
                      MeterRegistry registry, NetworkSteps networks, ActionEvents events, ComputeRpcApi compute,
                      WorkloadInterfaces interfaces) {
        this.rules = rules;
        this.interfaces = interfaces;
        this.compute = compute;
        this.events = events;
        this.networks = networks;
        this.recreate = recreate;
        this.redelete = redelete;
        this.rows = rows;
        this.scheduler = scheduler;
        this.aggregates = aggregates;
        this.config = config;
        this.applied = reports(registry, "applied");
        this.ignored = reports(registry, "ignored");
    }

    private Counter reports(MeterRegistry registry, String result) {
        return Counter.builder("windlass.conductor.reports").tag("kind", rules.kind()).tag("result", result)
                .description("Agent status reports applied or ignored, by workload kind").register(registry);
    }

    public WorkloadRules<E, R> rules() {
        return rules;
    }

    public UUID uuid(String text) {
        return WorkloadIds.parse(text, rules.kind());
    }

    // ---------------------------------------------------------------- build

    /**
     * Schedules a row waiting for a host, records the host, then has {@code create} reach it. A
     * build delivered again (the first one may have died between recording the host and the
     * cast) goes through the same steps: the scheduler answers with the claim it made, the host
     * reuses what it created.
     */
    public void build(RequestContext ctx, String uuidText, HostCreate<E> create) {
        UUID uuid = uuid(uuidText);
        String kind = rules.kind();
        Optional<E> row = QuarkusTransaction.requiringNew().call(() -> rows.find(rules.rowType(), uuid));
        RowState state = row.map(rules::state).orElse(null);
        if (state == null || !building(state)) {
            LOG.infof("build %s %s: nothing to do (%s)", kind, uuid, state == null ? "row gone" : state.phase());
            return;
        }
        ResourceRequest resources = rules.resources(row.get());
        Instant scheduling = Instant.now();
        String host;
        try {
            LOG.infof("build %s %s: asking the scheduler for %.2f vCPU, %d MiB, %d GiB", kind, uuid,
                    resources.vcpus(), resources.memoryMb(), resources.diskGb());
            host = scheduler.selectDestination(ctx, resources).host();
        } catch (RemoteException e) {
            LOG.infof("build %s %s: scheduling failed: %s: %s", kind, uuid, e.type(), e.getMessage());
            failWhileBuilding(ctx, uuid, scheduling, rules.schedulingFailed(e));
            return;
        } catch (RpcTimeoutException e) {
            LOG.warnf("build %s %s: %s", kind, uuid, e.getMessage());
            failWhileBuilding(ctx, uuid, scheduling, rules.schedulerTimedOut());
            // the scheduler may still have claimed after we stopped waiting
            scheduler.releaseResources(ctx, uuid.toString());
            return;
        }
        Placement<E> placed = QuarkusTransaction.requiringNew().call(() -> place(ctx, uuid, host, zoneOf(host),
                scheduling));
        if (placed.rowGone()) {
            LOG.infof("build %s %s: deleted while scheduling; releasing the claim on %s", kind, uuid, host);
            scheduler.releaseResources(ctx, uuid.toString());
            return;
        }
        if (placed.row() == null) {
            return;
        }
        // the host is committed before the agent can report back about it
        try {
            networks.requireAgentsTakePorts(placed.networks().networks());
            create.send(host, placed.row(), placed.networks().networks());
        } catch (RpcVersionCapExceeded | CreateRefused e) {
            refuseCreate(ctx, uuid, host, e);
            return;
        }
        LOG.infof("build %s %s: create cast to %s", kind, uuid, host);
        networks.castAfterPlacement(ctx, placed.networks().networks());
    }

    /**
     * @param rowGone the row was deleted while the scheduler worked
     * @param row      the placed row to create on the host, or null when it is no longer being built
     * @param networks its ports bound to the host
     */
    private record Placement<E>(boolean rowGone, E row, PlacedNetworks networks) {
    }

    private Placement<E> place(RequestContext ctx, UUID uuid, String host, String zone, Instant scheduling) {
        Optional<E> locked = rows.lock(rules.rowType(), uuid);
        RowState state = locked.map(rules::state).orElse(null);
        if (state == null) {
            return new Placement<>(true, null, PlacedNetworks.NONE);
        }
        if (!building(state)) {
            // a delete raced the scheduler: it needs the host to reach the agent, so record it anyway
            rules.placedTooLate(locked.get(), host);
            LOG.infof("build %s %s: scheduled on %s but now %s; not creating", rules.kind(), uuid, host, state.phase());
            return new Placement<>(false, null, PlacedNetworks.NONE);
        }
        String scheduled = rules.scheduleEvent(locked.get());
        String onHost = rules.hostEvent(rules.buildStep(locked.get()));
        if (scheduled != null) {
            events.ranThenStarted(uuid, ctx.requestId(), scheduled, scheduling, onHost, host);
        } else {
            events.started(uuid, ctx.requestId(), onHost, host);
        }
        rules.placed(locked.get(), host, zone);
        PlacedNetworks bound = networks.networking().place(locked.get(), host);
        if (!bound.ports().isEmpty()) {
            rules.addressed(locked.get(), bound.ports());
        }
        // a host in no zone (containers are placed without one) is logged without it
        LOG.infof("build %s %s: scheduled on %s%s", rules.kind(), uuid, host, zone == null ? "" : " (zone " + zone + ")");
        return new Placement<>(false, locked.get(), bound);
    }

    /**
     * The zone to record with the host, read in the placement's transaction rather than in one of
     * its own (a transaction's begin and commit cost more than the query); only kinds that show a
     * zone pay for the lookup.
     */
    private String zoneOf(String host) {
        return rules.recordsZone() ? aggregates.zoneOf(host).orElse(config.defaultAvailabilityZone()) : null;
    }

    private static boolean building(RowState state) {
        return state.phase() == Phase.SCHEDULING || state.phase() == Phase.CREATING;
    }

    private void failWhileBuilding(RequestContext ctx, UUID uuid, Instant scheduling, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            Optional<E> row = rows.lock(rules.rowType(), uuid);
            String scheduled = row.map(rules::scheduleEvent).orElse(null);
            if (scheduled != null) {
                events.ran(uuid, ctx.requestId(), scheduled, scheduling, reason);
            }
            row.filter(r -> {
                        RowState s = rules.state(r);
                        return s != null && building(s);
                    })
                    .ifPresent(r -> {
                        rules.fail(r, reason);
                        rules.clearTask(r);
                    });
        });
    }

    // ---------------------------------------------------------------- actions and delete

    /**
     * Passes an action the API accepted on to the host. A row without a host (or gone) can never
     * report the action's end, so its task state is cleared here.
     */
    public void forward(RequestContext ctx, String uuidText, String action, HostCast<E> cast) {
        UUID uuid = uuid(uuidText);
        Optional<E> placed = QuarkusTransaction.requiringNew().call(() -> {
            Optional<E> row = rows.lock(rules.rowType(), uuid).filter(r -> rules.state(r) != null);
            row.filter(r -> r.host == null).ifPresent(rules::clearTask);
            row.filter(r -> r.host != null).ifPresent(r -> events.started(uuid, ctx.requestId(),
                    rules.hostEvent(action), r.host));
            return row.filter(r -> r.host != null);
        });
        if (placed.isEmpty()) {
            LOG.warnf("%s %s %s: no host (or no row); task state cleared", action, rules.kind(), uuid);
            return;
        }
        try {
            cast.send(placed.get().host, placed.get());
        } catch (RpcVersionCapExceeded e) {
            // the workload is as it was; only the action cannot reach its host yet
            LOG.warnf("%s %s %s: %s; task state cleared", action, rules.kind(), uuid, e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> rows.lock(rules.rowType(), uuid).ifPresent(rules::clearTask));
            return;
        }
        LOG.infof("%s %s %s: cast to %s", action, rules.kind(), uuid, placed.get().host);
    }

    /** Has the host remove the workload (its gone report removes the row); a row never placed goes here. */
    public void delete(RequestContext ctx, String uuidText, HostCast<E> cast) {
        UUID uuid = uuid(uuidText);
        DeleteStart<E> start = QuarkusTransaction.requiringNew().call(() -> {
            Optional<E> found = rows.lock(rules.rowType(), uuid).filter(r -> rules.state(r) != null);
            if (found.isEmpty() || found.get().host != null) {
                found.ifPresent(r -> events.started(uuid, ctx.requestId(), rules.hostEvent("delete"), r.host));
                return new DeleteStart<>(found.isEmpty(), found.orElse(null));
            }
            networks.networking().release(found.get());
            if (rules.deleteUnplaced(found.get())) {
                rows.delete(found.get());
            }
            return new DeleteStart<>(false, null);
        });
        if (start.alreadyGone()) {
            LOG.infof("delete %s %s: already gone", rules.kind(), uuid);
            return;
        }
        if (start.placed() == null) {
            LOG.infof("delete %s %s: never placed, deleted", rules.kind(), uuid);
            // a scheduler that answered too late may still hold a claim for it
            scheduler.releaseResources(ctx, uuid.toString());
            return;
        }
        E row = start.placed();
        try {
            cast.send(row.host, row);
        } catch (RpcVersionCapExceeded e) {
            LOG.warnf("delete %s %s: %s", rules.kind(), uuid, e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> rows.lock(rules.rowType(), uuid).ifPresent(r -> {
                rules.fail(r, "Cannot delete the " + rules.kind() + " on host " + row.host + ": " + e.getMessage());
                rules.clearTask(r);
            }));
            return;
        }
        LOG.infof("delete %s %s: cast to %s", rules.kind(), uuid, row.host);
    }

    /**
     * @param alreadyGone no (live) row
     * @param placed      the row its host is to remove, or null when it was never placed (deleted here)
     */
    private record DeleteStart<E>(boolean alreadyGone, E placed) {
    }

    /** The workload's ports and networks as its host is to be told them again (a rebuild's spawn). */
    public PlacedNetworks networksOf(E row) {
        return QuarkusTransaction.requiringNew().call(() -> networks.networking().describe(row));
    }

    /** The reconciler's second ask for a delete the host never answered. */
    void resendCreate(E row) {
        if (sendCreateAgain(RequestContext.internal("conductor-service"), row)) {
            LOG.infof("build %s %s: %s has not answered the create; sent it again", rules.kind(), row.uuid, row.host);
        }
    }

    /** The create of a row its host lost, on the same ports; one that does not reach the host is the reconciler's. */
    private void heal(RequestContext ctx, E row) {
        try {
            if (sendCreateAgain(ctx, row)) {
                LOG.infof("build %s %s: create cast to %s again to heal it", rules.kind(), row.uuid, row.host);
            }
        } catch (RpcException e) {
            LOG.warnf("build %s %s: the create that heals it did not reach %s (%s); the reconciler sends it again",
                    rules.kind(), row.uuid, row.host, e.getMessage());
        }
    }

    /** @return false when the create cannot be sent at all, and the row has failed for it */
    private boolean sendCreateAgain(RequestContext ctx, E row) {
        PlacedNetworks placed = QuarkusTransaction.requiringNew().call(() -> networks.networking().describe(row));
        try {
            recreate.send(row.host, row, placed.networks());
            return true;
        } catch (RpcVersionCapExceeded | CreateRefused e) {
            refuseCreate(ctx, row.uuid, row.host, e);
            return false;
        }
    }

    /**
     * A create that cannot be handed to its host (the host runs an older release without it, or the row
     * asks what no host can be given): nothing ever reached it, so the row fails and keeps no host (every
     * kind: a delete must not wait for that host either), and the claim goes.
     */
    private void refuseCreate(RequestContext ctx, UUID uuid, String host, RuntimeException e) {
        String kind = rules.kind();
        LOG.warnf("build %s %s: %s", kind, uuid, e.getMessage());
        QuarkusTransaction.requiringNew().run(() -> rows.lock(rules.rowType(), uuid).ifPresent(r -> {
            rules.fail(r, "Cannot create the " + kind + " on host " + host + ": " + e.getMessage());
            rules.clearTask(r);
            r.host = null;
        }));
        scheduler.releaseResources(ctx, uuid.toString());
    }

    void resendDelete(E row) {
        redelete.send(row.host, row);
        LOG.infof("delete %s %s: asked %s again", rules.kind(), row.uuid, row.host);
    }

    // ---------------------------------------------------------------- reports

    /**
     * Applies what an agent saw, under the row lock, by {@link ReportDecision}; after the commit,
     * releases the claim, has a host that holds a leftover remove it, or has it remove an image that
     * the change left unused.
     */
    public ReportOutcome apply(RequestContext ctx, R report) {
        UUID uuid = uuid(report.uuid());
        Applied<E> result = QuarkusTransaction.requiringNew().call(() -> {
            if (report.operationDone()) {
                events.finished(uuid, ctx.requestId(), rules.failure(report));
            }
            return applyLocked(uuid, report);
        });
        ReportOutcome outcome = result.outcome();
        (outcome.applied() ? applied : ignored).increment();
        if (outcome.releasesClaim()) {
            scheduler.releaseResources(ctx, uuid.toString());
            LOG.infof("report %s %s: release_resources cast", rules.kind(), uuid);
        }
        if (outcome.removesLeftover()) {
            // the same removal as a delete's, on the reporting host only: its gone report then changes nothing
            redelete.send(report.host(), result.row());
            LOG.infof("report %s %s from %s: the workload is on %s now; asked %s to remove its leftover", rules.kind(),
                    uuid, report.host(), result.row().host, report.host());
        }
        if (outcome == ReportOutcome.HEALED) {
            heal(ctx, result.row());
        }
        result.leftoverImage().ifPresent(image -> removeImage(ctx, uuid, image));
        result.unconnected().forEach(port -> interfaces.reconnect(ctx, rules, uuid, port.portId()));
        return outcome;
    }

    private void removeImage(RequestContext ctx, UUID uuid, LeftoverImage image) {
        try {
            compute.removeImage(image.host(), ctx, new RemoveImage(image.reference()));
            LOG.infof("report %s %s: asked %s to remove the image %s, which nothing needs any more", rules.kind(),
                    uuid, image.host(), image.reference());
        } catch (RpcException e) {
            // the catalogue shows the image no more; only the host's bytes stay
            LOG.warnf("report %s %s: host %s was not told to remove the image %s, which nothing needs any more: %s",
                    rules.kind(), uuid, image.host(), image.reference(), e.getMessage());
        }
    }

    /**
     * A report's outcome, the row it was decided on (null when there is none), an image its change left
     * unused, and the row's ports the engine workload does not show ({@link InterfaceDrift}).
     */
    private record Applied<E>(ReportOutcome outcome, E row, Optional<LeftoverImage> leftoverImage,
                              List<WorkloadPort> unconnected) {
        Applied(ReportOutcome outcome, E row) {
            this(outcome, row, Optional.empty(), List.of());
        }
    }

    private Applied<E> applyLocked(UUID uuid, R report) {
        Optional<E> locked = rows.lock(rules.rowType(), uuid);
        E row = locked.orElse(null);
        RowState state = row == null ? null : rules.state(row);
        ReportOutcome outcome = ReportDecision.decide(state, report,
                state != null && rules.leftNothing(row, report));
        String kind = rules.kind();
        switch (outcome) {
            case IGNORED_NO_ROW -> LOG.debugf("report %s %s from %s: no such row, ignored", kind, uuid, report.host());
            case IGNORED_OTHER_HOST, LEFTOVER_ON_OTHER_HOST, IGNORED_KEPT_COPY -> LOG.debugf(
                    "report %s %s from %s: the row names %s",
                    kind, uuid, report.host(), row.host);
            case IGNORED_STALE -> LOG.infof("report %s %s from %s: observed %s, older than the applied %s; ignored",
                    kind, uuid, report.host(), report.observedAt(), state.observedAt());
            case IGNORED_WHILE_DELETING -> LOG.infof("report %s %s from %s: deleting; waiting for the delete to end",
                    kind, uuid, report.host());
            case IGNORED_WHILE_CREATING -> LOG.infof("report %s %s from %s: gone while its create runs; waiting for "
                    + "the create's own end", kind, uuid, report.host());
            case IGNORED_WHILE_REPLACING -> LOG.infof("report %s %s from %s: the old engine workload is gone while "
                    + "the host replaces it; waiting for the rebuild's own end", kind, uuid, report.host());
            case TASK_CLEARED -> {
                rules.clearTask(row);
                LOG.infof("report %s %s from %s: older than the applied state, operation done: task state cleared",
                        kind, uuid, report.host());
            }
            case DELETED -> {
                networks.networking().release(row);
                if (rules.deleteGone(row, report)) {
                    rows.delete(row);
                }
                LOG.infof("report %s %s from %s: gone, deleted", kind, uuid, report.host());
            }
            case LOST -> {
                String host = row.host;
                rules.lost(row, report);
                observed(row, report);
                rules.clearTask(row);
                rules.nothingLeftOnHost(row);
                networks.networking().unplace(row);
                LOG.warnf("report %s %s from %s: the engine no longer has it (was on %s); failed", kind, uuid,
                        report.host(), host);
            }
            case HEALED -> {
                rules.heal(row);
                observed(row, report);
                LOG.warnf("report %s %s from %s: the engine no longer has it; healing: creating it again there", kind,
                        uuid, report.host());
            }
            case APPLIED, APPLIED_NOTHING_LEFT -> {
                Optional<LeftoverImage> leftoverImage = rules.applyObserved(row, report);
                observed(row, report);
                if (report.operationDone()) {
                    rules.clearTask(row);
                }
                if (outcome == ReportOutcome.APPLIED_NOTHING_LEFT) {
                    rules.nothingLeftOnHost(row);
                    networks.networking().unplace(row);
                }
                LOG.infof("report %s %s from %s: %s%s", kind, uuid, report.host(), rules.state(row).phase(),
                        report.operationDone() ? ", operation done" : "");
                List<WorkloadPort> unconnected = InterfaceDrift.unconnected(rules.state(row), report.host(), row.nics,
                        rules.connectedNetworks(report));
                return new Applied<>(outcome, row, leftoverImage, unconnected);
            }
        }
        return new Applied<>(outcome, row);
    }

    private static void observed(WorkloadEntity row, WorkloadReport report) {
        if (report.observedAt() != null) {
            row.statusObservedAt = report.observedAt();
        }
    }
}
