package io.windlass.aggregate.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The member hosts of an aggregate, with whether each is alive (heartbeat within the down time). */
@ApplicationScoped
public class AggregateHostReader {
    private final EntityManager em;

    public AggregateHostReader(EntityManager em) {
        this.em = em;
    }

    /**
     * A member host.
     *
     * @param up heartbeat within the down time (a member that never registered is down)
     */
    public record MemberHost(String host, boolean up) {
    }

    @Transactional
    public List<MemberHost> members(int aggregateId, Duration downTime) {
        List<MemberHost> out = new ArrayList<>();
        for (Object row : em.createNativeQuery("""
                        SELECT h.host, coalesce(c.last_heartbeat_at > now() - make_interval(secs => :down), false)
                        FROM aggregate_hosts h LEFT JOIN compute_hosts c ON c.host = h.host
                        WHERE h.aggregate_id = :id ORDER BY h.host""")
                .setParameter("down", (double) downTime.toSeconds()).setParameter("id", aggregateId)
                .getResultList()) {
            Object[] cols = (Object[]) row;
            out.add(new MemberHost((String) cols[0], (Boolean) cols[1]));
        }
        return out;
    }

    /** The zone of a host: the {@code availability_zone} of an aggregate it is in, if any. */
    @Transactional
    public Optional<String> zoneOf(String host) {
        List<?> zones = em.createNativeQuery("""
                        SELECT m.value FROM aggregate_hosts h
                        JOIN aggregate_metadata m ON m.aggregate_id = h.aggregate_id AND m.key = 'availability_zone'
                        WHERE h.host = :host ORDER BY m.aggregate_id LIMIT 1""")
                .setParameter("host", host).getResultList();
        return zones.isEmpty() ? Optional.empty() : Optional.of((String) zones.getFirst());
    }
}
