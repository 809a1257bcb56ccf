package io.windlass.workload;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.windlass.conductor.config.ConductorConfig;
import io.windlass.context.RequestContext;
import io.windlass.network.NetworkBinding;
import io.windlass.network.UpdatePortFilters;
import io.windlass.network.WorkloadNetworking;
import io.windlass.fault.TransientFailure;
import io.windlass.host.ServiceLivenessConfig;
import io.windlass.persistence.WorkloadEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Periodic repair of every kind's rows whose host went quiet or whose workflow never finished,
 * by {@link ReconcileDecision}. With several conductor replicas, a transaction-scoped advisory
 * lock lets one of them do each round.
 */
@ApplicationScoped
public class Reconciler {
    private static final Logger LOG = Logger.getLogger(Reconciler.class);
    /** Advisory lock key: "windlass reconcile" in ASCII, so it does not collide by accident. */
    private static final long LOCK_KEY = 0x77696e6c_7265636fL;

    private final EntityManager em;
    private final WorkloadRows rows;
    private final Instance<WorkloadManager> managers;
    private final ConductorConfig config;
    private final ServiceLivenessConfig liveness;
    private final WorkloadNetworking networking;
    private final NetworkSteps networkSteps;
    private final ReconcileMeters meters;
    /**
     * When this replica last sent a create again, so it asks once per period: held in memory, since
     * a reconcile round runs on one replica at a time and a restart at worst asks one period early.
     */
    private final Map<UUID, Instant> createAsked = new ConcurrentHashMap<>();

    public Reconciler(EntityManager em, WorkloadRows rows, Instance<WorkloadManager> managers, ConductorConfig config,
                      ServiceLivenessConfig liveness, NetworkSteps networkSteps, ReconcileMeters meters) {
        this.em = em;
        this.rows = rows;
        this.managers = managers;
        this.config = config;
        this.liveness = liveness;
        this.networking = networkSteps.networking();
        this.networkSteps = networkSteps;
        this.meters = meters;
    }

    // not while starting or stopping: during shutdown the database layer may already be gone
    @Scheduled(every = "${windlass.conductor.reconcile-interval:30s}", delayed = "${windlass.conductor.reconcile-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void periodic() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            // the database away for a moment is no bug: the next round repairs what this one could not
            String cause = TransientFailure.of(e).orElseThrow(() -> e);
            meters.failed();
            LOG.warnf("reconcile round skipped: %s", cause);
        }
    }

    public ReconcileRound reconcile() {
        long started = System.nanoTime();
        List<Runnable> afterCommit = new ArrayList<>();
        ReconcileRound round = QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(:key)")
                    .setParameter("key", LOCK_KEY).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                LOG.debug("another conductor is reconciling this round");
                return ReconcileRound.skipped();
            }
            Set<String> silent = rows.silentHosts(liveness.serviceDownTime());
            ReconcileRound.Builder result = new ReconcileRound.Builder();
            for (WorkloadManager manager : managers) {
                reconcile(manager.lifecycle(), silent, Instant.now(), result, afterCommit);
            }
            // every host carrying a tenant network floods to exactly its current peers
            Map<String, List<NetworkBinding>> peers = networking.allPeerUpdates();
            // and every host that can carry one enforces exactly its ports' security groups
            Map<String, UpdatePortFilters> filters = networkSteps.filters().all();
            afterCommit.add(() -> {
                RequestContext ctx = RequestContext.internal("conductor-service");
                networkSteps.castPeers(ctx, peers);
                networkSteps.castFilters(ctx, filters);
            });
            return result.build();
        });
        // casts only once the repairs they follow are committed
        afterCommit.forEach(Runnable::run);
        meters.committed(round, System.nanoTime() - started);
        round.log(LOG);
        return round;
    }

    private <E extends WorkloadEntity, R extends WorkloadReport>
    void reconcile(WorkloadLifecycle<E, R> lifecycle, Set<String> silent, Instant now, ReconcileRound.Builder result,
                   List<Runnable> afterCommit) {
        WorkloadRules<E, R> rules = lifecycle.rules();
        for (E row : rows.reconcileCandidates(rules.rowType(), rules.inFlightCondition(), silent)) {
            if (decide(rules, row, silent, now) == Repair.NONE) {
                continue;
            }
            // decided again on the locked, fresh row: a report may have moved it meanwhile
            em.refresh(row, LockModeType.PESSIMISTIC_WRITE);
            Repair repair = decide(rules, row, silent, now);
            switch (repair) {
                case NONE -> {
                    continue;
                }
                case MARK_UNKNOWN -> rules.markUnknown(row, "Host " + row.host + " stopped reporting");
                case FAIL_UNSCHEDULED -> {
                    rules.fail(row, rules.notScheduledInTime());
                    rules.clearTask(row);
                }
                case FAIL_NOT_CREATED -> {
                    rules.fail(row, rules.notCreatedInTime(row.host, config.taskTimeout()));
                    rules.clearTask(row);
                }
                case RESEND_CREATE -> {
                    createAsked.put(row.uuid, now);
                    afterCommit.add(() -> lifecycle.resendCreate(row));
                }
                case RESEND_DELETE -> {
                    // restarts the task's clock, so the next ask is one task timeout later
                    row.updatedAt = WorkloadEntity.now();
                    afterCommit.add(() -> lifecycle.resendDelete(row));
                }
                case CLEAR_STALE_TASK -> rules.clearTask(row);
            }
            result.add(rules.kind(), repair, row.uuid.toString());
        }
    }

    private <E extends WorkloadEntity> Repair decide(WorkloadRules<E, ?> rules, E row,
                                                                            Set<String> silent, Instant now) {
        RowState state = rules.state(row);
        if (state == null) {
            return Repair.NONE;
        }
        return ReconcileDecision.decide(state, now, row.host != null && silent.contains(row.host),
                rules.showsUnknown(), createAsked.get(row.uuid), new ReconcileDecision.Timeouts(config.buildTimeout(),
                        config.taskTimeout(), config.redriveAfter()));
    }
}
