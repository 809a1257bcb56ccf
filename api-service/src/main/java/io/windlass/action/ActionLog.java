package io.windlass.action;

import io.windlass.action.persistence.WorkloadActionEntity;
import io.windlass.action.persistence.WorkloadActionEventEntity;
import io.windlass.context.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The api-service's side of the action log ({@code workload_actions}): every request it accepts
 * for a workload is recorded in the transaction that records the task state and the cast, so an
 * action is logged if and only if it was accepted; and the log is read for Nova's
 * {@code os-instance-actions} and Zun's {@code container_actions}. The conductor adds the events.
 */
@ApplicationScoped
public class ActionLog {
    public static final String SERVER = "server";
    public static final String CONTAINER = "container";
    /** A capsule's: what was asked of its members (execute, put_archive), none of it through Zun's API. */
    public static final String CAPSULE = "capsule";
    /** How both families print an action's and an event's times: naive UTC with microseconds. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private final EntityManager em;

    public ActionLog(EntityManager em) {
        this.em = em;
    }

    /** Records that the caller's request asked {@code action} of the workload; call inside the accepting transaction. */
    public void record(RequestContext caller, String kind, UUID workload, String projectId, String action) {
        WorkloadActionEntity a = new WorkloadActionEntity();
        a.kind = kind;
        a.workloadUuid = workload;
        a.requestId = caller.requestId();
        a.action = action;
        a.projectId = projectId;
        a.userId = caller.userId();
        a.startTime = Instant.now();
        a.updatedAt = a.startTime;
        em.persist(a);
    }

    /**
     * An action the api-service carried out itself, a call to the workload's host it waited for
     * (Zun's {@code exec_cmd}, {@code put_archive}), or a change it made alone ({@code add_security_group}),
     * has ended: no conductor reports it, so it is
     * finished here; call inside a transaction. {@code failed}: it did not get done ({@code Error},
     * as the conductor marks an action one of whose events failed).
     */
    public void finished(UUID workload, String requestId, boolean failed) {
        find(workload, requestId).ifPresent(a -> {
            a.finishTime = Instant.now();
            a.updatedAt = a.finishTime;
            if (failed) {
                a.message = "Error";
            }
        });
    }

    /**
     * A page of the workload's actions, newest first (Nova's order: start, then id, descending).
     *
     * @param since  only actions updated at or after it (Nova's {@code changes-since}), or null
     * @param before only actions updated at or before it ({@code changes-before}), or null
     * @param after  the action the previous page ended with, or null
     */
    public List<WorkloadActionEntity> page(UUID workload, Instant since, Instant before, WorkloadActionEntity after,
                                           int limit) {
        StringBuilder jpql = new StringBuilder("FROM WorkloadActionEntity a WHERE a.workloadUuid = :uuid");
        if (since != null) {
            jpql.append(" AND a.updatedAt >= :since");
        }
        if (before != null) {
            jpql.append(" AND a.updatedAt <= :before");
        }
        if (after != null) {
            jpql.append(" AND (a.startTime < :markerStart OR (a.startTime = :markerStart AND a.id < :markerId))");
        }
        jpql.append(" ORDER BY a.startTime DESC, a.id DESC");
        var query = em.createQuery(jpql.toString(), WorkloadActionEntity.class).setParameter("uuid", workload)
                .setMaxResults(limit);
        if (since != null) {
            query.setParameter("since", since);
        }
        if (before != null) {
            query.setParameter("before", before);
        }
        if (after != null) {
            query.setParameter("markerStart", after.startTime).setParameter("markerId", after.id);
        }
        return query.getResultList();
    }

    public Optional<WorkloadActionEntity> find(UUID workload, String requestId) {
        return em.createQuery("FROM WorkloadActionEntity a WHERE a.workloadUuid = :uuid AND a.requestId = :request",
                        WorkloadActionEntity.class).setParameter("uuid", workload).setParameter("request", requestId)
                .getResultStream().findFirst();
    }

    /** The action's events in the order they began. */
    public List<WorkloadActionEventEntity> events(WorkloadActionEntity action) {
        return em.createQuery("FROM WorkloadActionEventEntity e WHERE e.actionId = :action ORDER BY e.startTime, e.id",
                WorkloadActionEventEntity.class).setParameter("action", action.id).getResultList();
    }

    /** The project of a workload whose row is gone, from its logged actions (Nova shows a deleted server's). */
    public Optional<String> projectOfGone(UUID workload) {
        return em.createQuery("SELECT a.projectId FROM WorkloadActionEntity a WHERE a.workloadUuid = :uuid "
                + "ORDER BY a.startTime DESC", String.class).setParameter("uuid", workload).setMaxResults(1)
                .getResultStream().findFirst();
    }
}
