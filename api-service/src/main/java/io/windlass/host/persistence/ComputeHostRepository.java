package io.windlass.host.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The api-service's view of {@code compute_hosts}: it reads what heartbeats registered and
 * writes only the operator's {@code disabled}/{@code disabled_reason}.
 */
@ApplicationScoped
public class ComputeHostRepository {
    private static final String SELECT = """
            SELECT id, host, disabled, disabled_reason,
                   to_char(last_heartbeat_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
                   extract(epoch FROM now() - last_heartbeat_at)
            FROM compute_hosts""";

    private final EntityManager em;

    public ComputeHostRepository(EntityManager em) {
        this.em = em;
    }

    public List<ComputeHostRecord> list() {
        return read(em.createNativeQuery(SELECT + " ORDER BY id").getResultList());
    }

    public Optional<ComputeHostRecord> find(String host) {
        return read(em.createNativeQuery(SELECT + " WHERE host = :host").setParameter("host", host)
                .getResultList()).stream().findFirst();
    }

    public boolean exists(String host) {
        return !em.createNativeQuery("SELECT 1 FROM compute_hosts WHERE host = :host").setParameter("host", host)
                .getResultList().isEmpty();
    }

    /** Sets the operator's status; false when no such host. */
    public boolean setDisabled(String host, boolean disabled, String reason) {
        return em.createNativeQuery("UPDATE compute_hosts SET disabled = :disabled, disabled_reason = :reason, "
                        + "updated_at = now() WHERE host = :host")
                .setParameter("disabled", disabled).setParameter("reason", reason).setParameter("host", host)
                .executeUpdate() == 1;
    }

    private static List<ComputeHostRecord> read(List<?> rows) {
        List<ComputeHostRecord> out = new ArrayList<>();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            out.add(new ComputeHostRecord(((Number) c[0]).longValue(), (String) c[1], (Boolean) c[2], (String) c[3],
                    (String) c[4], ((Number) c[5]).doubleValue()));
        }
        return out;
    }
}
