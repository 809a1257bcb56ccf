package io.windlass.workload;

import io.windlass.action.persistence.WorkloadActionEntity;
import io.windlass.action.persistence.WorkloadActionEventEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The conductor's side of the action log: the events of an action the api-service recorded
 * (Nova's instance action events, Zun's container action events), found by the workload and the
 * request id that travels with every message of the request, from the API to the host and back
 * in its report. Callers hold the transaction; every write is safe to repeat (messages arrive at
 * least once): an event is started once per action and name, finishing finds only open events.
 */
@ApplicationScoped
public class ActionEvents {
    private final EntityManager em;

    public ActionEvents(EntityManager em) {
        this.em = em;
    }

    /** A step begins (on {@code host}, or the conductor's own when null); nothing when no action was logged. */
    public void started(UUID workload, String requestId, String event, String host) {
        withoutEvent(workload, requestId, event).ifPresent(a -> begin(a, event, host));
    }

    /** A step that began at {@code startedAt} and has ended (the conductor's scheduling); {@code failure} null on success. */
    public void ran(UUID workload, String requestId, String event, Instant startedAt, String failure) {
        withoutEvent(workload, requestId, event).ifPresent(a -> end(a, event, startedAt, failure));
    }

    /**
     * A step that began at {@code startedAt} ended well and the next one begins on {@code host} (a
     * scheduling, then the host's build), with one lookup of the action for both: this is on every
     * boot's path. The two are written in the caller's one transaction, so finding either already
     * there means the message came again and both are.
     */
    public void ranThenStarted(UUID workload, String requestId, String ran, Instant startedAt, String next,
                               String host) {
        em.createQuery("FROM WorkloadActionEntity a WHERE a.workloadUuid = :uuid AND a.requestId = :request "
                        + "AND NOT EXISTS (SELECT e.id FROM WorkloadActionEventEntity e WHERE e.actionId = a.id "
                        + "AND e.event IN (:ran, :next))", WorkloadActionEntity.class)
                .setParameter("uuid", workload).setParameter("request", requestId).setParameter("ran", ran)
                .setParameter("next", next).getResultList().stream().findFirst().ifPresent(a -> {
                    end(a, ran, startedAt, null);
                    begin(a, next, host);
                });
    }

    private void begin(WorkloadActionEntity action, String event, String host) {
        WorkloadActionEventEntity e = new WorkloadActionEventEntity();
        e.actionId = action.id;
        e.event = event;
        e.host = host;
        e.startTime = Instant.now();
        em.persist(e);
        action.updatedAt = e.startTime;
    }

    private void end(WorkloadActionEntity action, String event, Instant startedAt, String failure) {
        WorkloadActionEventEntity e = new WorkloadActionEventEntity();
        e.actionId = action.id;
        e.event = event;
        e.startTime = startedAt;
        em.persist(e);
        finish(action, e, failure);
    }

    /**
     * The request's open steps ended, as the host's operation-done report says; {@code failure} null
     * on success. A report answering a message the reconciler sent again carries the reconciler's
     * request id, so without an action of that id the workload's latest action with an open step is
     * the one that ended.
     */
    public void finished(UUID workload, String requestId, String failure) {
        Optional<WorkloadActionEntity> action = action(workload, requestId).or(() -> em.createQuery(
                        "SELECT a FROM WorkloadActionEntity a WHERE a.workloadUuid = :uuid AND EXISTS (SELECT e FROM "
                                + "WorkloadActionEventEntity e WHERE e.actionId = a.id AND e.finishTime IS NULL) "
                                + "ORDER BY a.startTime DESC, a.id DESC", WorkloadActionEntity.class)
                .setParameter("uuid", workload).setMaxResults(1).getResultStream().findFirst());
        action.ifPresent(a -> em.createQuery("FROM WorkloadActionEventEntity e WHERE e.actionId = :action "
                        + "AND e.finishTime IS NULL", WorkloadActionEventEntity.class).setParameter("action", a.id)
                .getResultList().forEach(e -> finish(a, e, failure)));
    }

    private void finish(WorkloadActionEntity action, WorkloadActionEventEntity event, String failure) {
        Instant now = Instant.now();
        event.finishTime = now;
        event.result = failure == null ? WorkloadActionEventEntity.SUCCESS : WorkloadActionEventEntity.ERROR;
        event.traceback = failure;
        action.finishTime = now;
        action.updatedAt = now;
        if (failure != null) {
            action.message = "Error";
        }
    }

    private Optional<WorkloadActionEntity> action(UUID workload, String requestId) {
        return em.createQuery("FROM WorkloadActionEntity a WHERE a.workloadUuid = :uuid AND a.requestId = :request",
                        WorkloadActionEntity.class).setParameter("uuid", workload).setParameter("request", requestId)
                .getResultStream().findFirst();
    }

    /**
     * The request's action when it has no such event yet, in one statement: a boot records two events
     * in one transaction, and each lookup is a round trip on its path.
     */
    private Optional<WorkloadActionEntity> withoutEvent(UUID workload, String requestId, String event) {
        return em.createQuery("FROM WorkloadActionEntity a WHERE a.workloadUuid = :uuid AND a.requestId = :request "
                        + "AND NOT EXISTS (SELECT e.id FROM WorkloadActionEventEntity e WHERE e.actionId = a.id "
                        + "AND e.event = :event)", WorkloadActionEntity.class)
                .setParameter("uuid", workload).setParameter("request", requestId).setParameter("event", event)
                .getResultList().stream().findFirst();
    }
}
