package io.windlass.workload;

import io.windlass.persistence.WorkloadEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reads, locks and deletes rows of the workload tables, for every kind alike. Callers hold the transaction. */
@ApplicationScoped
public class WorkloadRows {
    private final EntityManager em;

    public WorkloadRows(EntityManager em) {
        this.em = em;
    }

    public <E extends WorkloadEntity> Optional<E> find(Class<E> type, UUID uuid) {
        return em.createQuery("select w from " + type.getSimpleName() + " w where w.uuid = :uuid", type)
                .setParameter("uuid", uuid).getResultStream().findFirst();
    }

    /** The row, locked until the transaction ends: reports, workflows and API writes to it take turns. */
    public <E extends WorkloadEntity> Optional<E> lock(Class<E> type, UUID uuid) {
        return em.createQuery("select w from " + type.getSimpleName() + " w where w.uuid = :uuid", type)
                .setParameter("uuid", uuid).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    public void delete(WorkloadEntity row) {
        em.remove(row);
    }

    /** Rows the reconciler looks at: those the kind says may be in flight, and those on the given hosts. */
    public <E extends WorkloadEntity> List<E> reconcileCandidates(Class<E> type, String inFlightCondition,
                                                                  Collection<String> silentHosts) {
        String onSilentHosts = silentHosts.isEmpty() ? "" : " or w.host in :silent";
        var query = em.createQuery("select w from " + type.getSimpleName() + " w where (" + inFlightCondition + ")"
                + onSilentHosts, type);
        if (!silentHosts.isEmpty()) {
            query.setParameter("silent", silentHosts);
        }
        return query.getResultList();
    }

    /** Hosts that have not heart-beaten within {@code downTime}. */
    public Set<String> silentHosts(Duration downTime) {
        List<?> hosts = em.createNativeQuery("""
                        SELECT host FROM compute_hosts
                        WHERE last_heartbeat_at < now() - make_interval(secs => :down)""")
                .setParameter("down", downTime.toMillis() / 1000.0).getResultList();
        return Set.copyOf(hosts.stream().map(String::valueOf).toList());
    }
}
