package io.windlass.scheduler.selection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.windlass.rpc.RpcHandlerException;
import io.windlass.scheduler.MoveClaim;
import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.SchedulerRpcApi;
import io.windlass.scheduler.Selection;
import io.windlass.scheduler.claim.Allocation;
import io.windlass.scheduler.claim.ClaimResult;
import io.windlass.scheduler.claim.HostClaims;
import io.windlass.scheduler.config.SchedulerConfig;
import io.windlass.scheduler.filter.FilterChain;
import io.windlass.scheduler.filter.FilterOutcome;
import io.windlass.scheduler.group.ServerGroupPlacement;
import io.windlass.scheduler.group.ServerGroupReader;
import io.windlass.scheduler.group.ServerGroupTurns;
import io.windlass.scheduler.host.ComputeHostReader;
import io.windlass.scheduler.host.HostCandidate;
import io.windlass.scheduler.host.HostStateCache;
import io.windlass.scheduler.weigher.HostRanker;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * select_destinations: filter, weigh, then claim on the best host that still has room.
 * Idempotent per consumer: a redelivered request gets the host already claimed.
 */
@ApplicationScoped
public class DestinationSelector {
    private static final Logger LOG = Logger.getLogger(DestinationSelector.class);
    /** Bounds of the decision timer's cumulative buckets: fine around the 20 ms target (issue 4). */
    private static final Duration[] DECISION_BUCKETS = Stream.of(1, 2, 3, 4, 5, 6, 8, 10, 12, 14, 16, 18, 20, 22,
            25, 30, 40, 50, 75, 100, 150, 200, 300, 500, 1000, 2000, 5000).map(Duration::ofMillis).toArray(Duration[]::new);
    /** Hosts offered to one claim statement, in claim order. */
    private static final int CANDIDATES_PER_CLAIM = 8;

    private final HostStateCache hostStates;
    private final ComputeHostReader reader;
    private final FilterChain filters;
    private final HostRanker ranker;
    private final HostClaims claims;
    private final HostSubsetPicker picker;
    private final ServerGroupReader serverGroups;
    private final ServerGroupTurns groupTurns;
    /** The filters a group member's claim runs again in its group's turn. */
    private final FilterChain serverGroupFilters;
    private final Timer decisionTimer;
    private final Timer selectTimer;
    private final Timer claimTimer;
    private final Counter lostRaces;
    private final DecisionMeters meters;

    public DestinationSelector(HostStateCache hostStates, ComputeHostReader reader, FilterChain filters,
                               HostRanker ranker, HostClaims claims, SchedulerConfig config, MeterRegistry registry,
                               ServerGroupReader serverGroups, ServerGroupTurns groupTurns) {
        this.hostStates = hostStates;
        this.serverGroups = serverGroups;
        this.groupTurns = groupTurns;
        this.serverGroupFilters = filters.serverGroupFilters();
        this.reader = reader;
        this.filters = filters;
        this.ranker = ranker;
        this.claims = claims;
        this.picker = new HostSubsetPicker(config.hostSubsetSize(), RandomGenerator.getDefault());
        this.decisionTimer = Timer.builder("windlass.scheduler.decision")
                .description("Time to pick and claim a host")
                // percentiles computed in-process (the last 2 minutes), and cumulative buckets around
                // the 20 ms target, from which a window's quantiles can be read (bench-scale does so)
                .publishPercentiles(0.5, 0.99)
                .serviceLevelObjectives(DECISION_BUCKETS)
                .register(registry);
        // the two halves of a decision, to see where its time goes (docs/benchmarks.md)
        this.selectTimer = Timer.builder("windlass.scheduler.decision.select")
                .description("Part of a decision spent reading (or re-using) hosts, filtering and weighing")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        this.claimTimer = Timer.builder("windlass.scheduler.decision.claim")
                .description("Part of a decision spent claiming in PostgreSQL, every host tried")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        this.meters = new DecisionMeters(registry);
        this.lostRaces = Counter.builder("windlass.scheduler.claim_no_room")
                .description("Claim statements whose candidate hosts all filled up after they were read "
                        + "(another replica, or a cached view); the next candidates are tried")
                .register(registry);
    }

    /** @throws RpcHandlerException {@link SchedulerRpcApi#NO_VALID_HOST} with the filters' explanation */
    public Selection select(ResourceRequest request) {
        long started = System.nanoTime();
        try {
            return decide(request, started);
        } finally {
            decisionTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private Selection decide(ResourceRequest request, long started) {
        UUID consumer = ConsumerIds.parse(request.consumerUuid());
        // a redelivered request is recognised by the claim statement itself (no query of its own);
        // only when no host is left to try does it need a look-up before answering NoValidHost
        ServerGroupPlacement group = serverGroups.placementFor(request, consumer);
        FilterOutcome outcome = filters.apply(withServerGroup(reader.withHintedWorkloads(hostStates.hosts(), request),
                group), request);
        meters.filtered(outcome);
        if (outcome.passed().isEmpty()) {
            Optional<Allocation> existing = claims.find(consumer);
            if (existing.isPresent()) {
                LOG.infof("consumer %s already holds a claim on %s (redelivery), %d ms", consumer,
                        existing.get().host(), elapsedMs(started));
                meters.placed(DecisionMeters.Operation.SELECT, ClaimResult.Outcome.ALREADY_CLAIMED);
                return new Selection(existing.get().host());
            }
            throw noValidHost(DecisionMeters.Operation.SELECT, outcome.lastFilter(), consumer, outcome.explanation(),
                    started);
        }
        List<HostCandidate> order = picker.claimOrder(ranker.rank(outcome.passed(), request));
        long claiming = System.nanoTime();
        selectTimer.record(claiming - started, TimeUnit.NANOSECONDS);
        try {
            if (inTurns(group)) {
                return groupTurns.inTurn(group.group(), consumer, now ->
                        claimOnFirstWithRoom(stillAllowed(DecisionMeters.Operation.SELECT, order, now, consumer,
                                request, started), consumer, request, started));
            }
            return claimOnFirstWithRoom(order, consumer, request, started);
        } finally {
            claimTimer.record(System.nanoTime() - claiming, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * move_claim: the workload's claim leaves {@code sourceHost} for the best other host with room, as
     * Nova's evacuate and cold migration schedule with the source in {@code ignore_hosts}. Tried host by host in claim
     * order (evacuations are rare; a host another claim filled is passed over).
     *
     * @throws RpcHandlerException {@link SchedulerRpcApi#NO_VALID_HOST}; the claim stays on the source
     */
    public Selection move(MoveClaim move) {
        long started = System.nanoTime();
        ResourceRequest request = move.request();
        UUID consumer = ConsumerIds.parse(request.consumerUuid());
        Optional<Allocation> held = claims.find(consumer);
        if (held.isPresent() && !held.get().host().equals(move.sourceHost())) {
            LOG.infof("consumer %s already moved to %s (redelivery)", consumer, held.get().host());
            meters.placed(DecisionMeters.Operation.MOVE, ClaimResult.Outcome.ALREADY_CLAIMED);
            return new Selection(held.get().host());
        }
        List<HostCandidate> others = hostStates.hosts().stream()
                .filter(h -> !h.host().equals(move.sourceHost())).toList();
        ServerGroupPlacement group = serverGroups.placementFor(request, consumer);
        FilterOutcome outcome = filters.apply(withServerGroup(reader.withHintedWorkloads(others, request), group),
                request);
        meters.filtered(outcome);
        List<HostCandidate> order = picker.claimOrder(ranker.rank(outcome.passed(), request));
        Optional<Selection> moved = inTurns(group) && !order.isEmpty()
                ? groupTurns.inTurn(group.group(), consumer, now ->
                        moveToFirstWithRoom(stillAllowed(DecisionMeters.Operation.MOVE, order, now, consumer, request,
                                started), consumer, move, started))
                : moveToFirstWithRoom(order, consumer, move, started);
        if (moved.isPresent()) {
            return moved.get();
        }
        throw noValidHost(DecisionMeters.Operation.MOVE, outcome.passed().isEmpty() ? outcome.lastFilter()
                : DecisionMeters.NO_ROOM, consumer, outcome.passed().isEmpty() ? outcome.explanation()
                : FilterOutcome.NOT_ENOUGH_HOSTS + " " + outcome.passed().size()
                + " host(s) passed the filters but none had room left.", started);
    }

    private Optional<Selection> moveToFirstWithRoom(List<HostCandidate> order, UUID consumer, MoveClaim move,
                                                    long started) {
        ResourceRequest request = move.request();
        for (HostCandidate candidate : order) {
            ClaimResult result = claims.move(consumer, request, move.sourceHost(), candidate.host(),
                    move.sourceHeldBy() == null ? null : ConsumerIds.parse(move.sourceHeldBy()));
            meters.claim(DecisionMeters.Operation.MOVE, result.outcome());
            if (result.outcome() == ClaimResult.Outcome.CLAIMED) {
                hostStates.consume(result.host(), request, hostStates.now());
            }
            if (result.holdsClaim()) {
                LOG.infof("consumer %s moved from %s -> host %s (%s) in %d ms", consumer, move.sourceHost(),
                        result.host(), result.outcome(), elapsedMs(started));
                meters.placed(DecisionMeters.Operation.MOVE, result.outcome());
                return Optional.of(new Selection(result.host()));
            }
        }
        return Optional.empty();
    }

    /** Every host of the decision sees the request's server group (when it has one). */
    private static List<HostCandidate> withServerGroup(List<HostCandidate> hosts, ServerGroupPlacement group) {
        return group == ServerGroupPlacement.NONE ? hosts : hosts.stream().map(h -> h.withServerGroup(group)).toList();
    }

    /** A hard group policy whose filter is on: its members claim one at a time ({@link ServerGroupTurns}). */
    private boolean inTurns(ServerGroupPlacement group) {
        return group.isHard() && !serverGroupFilters.isEmpty();
    }

    /**
     * The claim order without the hosts that the group as it is now rules out: the members that claimed
     * since the hosts were filtered count (the filters ran on a view of the group taken before the turn).
     */
    private List<HostCandidate> stillAllowed(DecisionMeters.Operation operation, List<HostCandidate> order,
                                             ServerGroupPlacement now, UUID consumer, ResourceRequest request,
                                             long started) {
        FilterOutcome outcome = serverGroupFilters.apply(withServerGroup(order, now), request);
        if (outcome.passed().isEmpty()) {
            if (claims.find(consumer).isPresent()) {
                // a redelivery: the claim statement answers the host it already holds, whatever the candidates
                return order;
            }
            throw noValidHost(operation, outcome.lastFilter(), consumer, outcome.explanation()
                    + " (other members of server group " + now.group() + " claimed meanwhile)", started);
        }
        return outcome.passed();
    }

    private Selection claimOnFirstWithRoom(List<HostCandidate> order, UUID consumer, ResourceRequest request,
                                           long started) {
        // a few candidates per statement: a view made stale by another replica costs no extra round
        // trip unless all of them filled up
        for (int from = 0; from < order.size(); from += CANDIDATES_PER_CLAIM) {
            List<String> candidates = order.subList(from, Math.min(from + CANDIDATES_PER_CLAIM, order.size()))
                    .stream().map(HostCandidate::host).toList();
            ClaimResult result = claims.claim(candidates, consumer, request);
            meters.claim(DecisionMeters.Operation.SELECT, result.outcome());
            if (result.outcome() == ClaimResult.Outcome.CLAIMED) {
                hostStates.consume(result.host(), request, hostStates.now());
            }
            if (result.holdsClaim()) {
                LOG.infof("consumer %s -> host %s (%s, %.2f vCPU, %d MiB, %d GiB) in %d ms", consumer,
                        result.host(), result.outcome(), request.vcpus(), request.memoryMb(), request.diskGb(),
                        elapsedMs(started));
                meters.placed(DecisionMeters.Operation.SELECT, result.outcome());
                return new Selection(result.host());
            }
            lostRaces.increment();
            LOG.debugf("hosts %s lost their room for %s to concurrent claims", candidates, consumer);
        }
        throw noValidHost(DecisionMeters.Operation.SELECT, DecisionMeters.NO_ROOM, consumer,
                FilterOutcome.NOT_ENOUGH_HOSTS + " " + order.size()
                + " host(s) passed the filters but concurrent requests took their room.", started);
    }

    private RpcHandlerException noValidHost(DecisionMeters.Operation operation, String filter, UUID consumer,
                                            String explanation, long started) {
        meters.noValidHost(operation, filter);
        LOG.infof("consumer %s: no valid host (%s) in %d ms", consumer, explanation, elapsedMs(started));
        return new RpcHandlerException(SchedulerRpcApi.NO_VALID_HOST, explanation);
    }

    private static long elapsedMs(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
