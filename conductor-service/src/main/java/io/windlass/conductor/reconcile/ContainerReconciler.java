package io.windlass.conductor.reconcile;

import io.quarkus.scheduler.Scheduled;
import io.windlass.conductor.config.ConductorConfig;
import io.windlass.host.ServiceLivenessConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;

/**
 * Periodic repair of rows whose agent went quiet or whose workflow never finished. With several
 * conductor replicas, a transaction-scoped advisory lock lets one of them do each round.
 */
@ApplicationScoped
public class ContainerReconciler {
    private static final Logger LOG = Logger.getLogger(ContainerReconciler.class);
    /** Advisory lock key: "windlass reconcile" in ASCII, so it does not collide by accident. */
    private static final long LOCK_KEY = 0x77696e6c_7265636fL;

    private final EntityManager em;
    private final ConductorConfig config;
    private final ServiceLivenessConfig liveness;

    public ContainerReconciler(EntityManager em, ConductorConfig config, ServiceLivenessConfig liveness) {
        this.em = em;
        this.config = config;
        this.liveness = liveness;
    }

    // not while starting or stopping: during shutdown the database layer may already be gone
    @Scheduled(every = "${windlass.conductor.reconcile-interval:30s}", delayed = "${windlass.conductor.reconcile-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void periodic() {
        reconcile();
    }

    @Transactional
    public ReconcileRound reconcile() {
        Boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(:key)")
                .setParameter("key", LOCK_KEY).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            LOG.debug("another conductor is reconciling this round");
            return ReconcileRound.skipped();
        }
        List<String> unknown = uuids(em.createNativeQuery("""
                UPDATE containers c
                SET status = 'Unknown', status_reason = 'Host ' || c.host || ' stopped reporting', updated_at = now()
                FROM compute_hosts h
                WHERE c.host = h.host AND h.last_heartbeat_at < now() - make_interval(secs => :downSeconds)
                  AND c.status NOT IN ('Deleting', 'Error', 'Unknown')
                RETURNING c.uuid""")
                .setParameter("downSeconds", seconds(liveness.serviceDownTime())).getResultList());
        List<String> unscheduled = uuids(em.createNativeQuery("""
                UPDATE containers
                SET status = 'Error', status_reason = 'Container was not scheduled in time', task_state = NULL,
                    updated_at = now()
                WHERE status = 'Creating' AND host IS NULL
                  AND created_at < now() - make_interval(secs => :buildSeconds)
                RETURNING uuid""")
                .setParameter("buildSeconds", seconds(config.buildTimeout())).getResultList());
        // updated_at is when the task state was written (by the api or by us)
        List<String> stale = uuids(em.createNativeQuery("""
                UPDATE containers SET task_state = NULL, updated_at = now()
                WHERE task_state IS NOT NULL
                  AND coalesce(updated_at, created_at) < now() - make_interval(secs => :taskSeconds)
                RETURNING uuid""")
                .setParameter("taskSeconds", seconds(config.taskTimeout())).getResultList());
        if (!unknown.isEmpty()) {
            LOG.warnf("reconcile: %d container(s) on silent hosts marked Unknown: %s", unknown.size(), unknown);
        }
        if (!unscheduled.isEmpty()) {
            LOG.warnf("reconcile: %d container(s) never scheduled, now Error: %s", unscheduled.size(), unscheduled);
        }
        if (!stale.isEmpty()) {
            LOG.warnf("reconcile: stale task state cleared on %s", stale);
        }
        reconcileServers();
        return new ReconcileRound(true, unknown, unscheduled, stale);
    }

    /**
     * Servers: a build that never got a host becomes ERROR with a fault (as Nova buries it in
     * cell0), and a task state nobody closed is cleared. A silent host changes no vm_state:
     * Nova shows that through {@code host_status} instead.
     */
    private void reconcileServers() {
        List<String> unscheduled = uuids(em.createNativeQuery("""
                UPDATE servers
                SET vm_state = 'error', task_state = NULL, updated_at = now(),
                    fault = jsonb_build_object('code', 500, 'message', 'The server was not scheduled in time.',
                        'created', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
                WHERE vm_state = 'building' AND host IS NULL AND deleted_at IS NULL
                  AND created_at < now() - make_interval(secs => :buildSeconds)
                RETURNING uuid""")
                .setParameter("buildSeconds", seconds(config.buildTimeout())).getResultList());
        List<String> stale = uuids(em.createNativeQuery("""
                UPDATE servers SET task_state = NULL, updated_at = now()
                WHERE task_state IS NOT NULL AND deleted_at IS NULL
                  AND coalesce(updated_at, created_at) < now() - make_interval(secs => :taskSeconds)
                RETURNING uuid""")
                .setParameter("taskSeconds", seconds(config.taskTimeout())).getResultList());
        if (!unscheduled.isEmpty()) {
            LOG.warnf("reconcile: %d server(s) never scheduled, now ERROR: %s", unscheduled.size(), unscheduled);
        }
        if (!stale.isEmpty()) {
            LOG.warnf("reconcile: stale server task state cleared on %s", stale);
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static List<String> uuids(List<?> rows) {
        return rows.stream().map(String::valueOf).toList();
    }
}
