package io.windlass.scheduler.host;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.List;

/** Reads the hosts from {@code compute_hosts}, written by the conductor from heartbeats. */
@ApplicationScoped
public class ComputeHostReader {
    private final EntityManager em;

    public ComputeHostReader(EntityManager em) {
        this.em = em;
    }

    /** All hosts, ordered by name; the heartbeat age comes from the database so app clocks do not matter. */
    @Transactional
    public List<HostCandidate> allHosts() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT host, vcpus, memory_mb, disk_gb, vcpus_used, memory_mb_used, disk_gb_used,
                       total_workloads, disabled,
                       CAST(EXTRACT(EPOCH FROM (now() - last_heartbeat_at)) * 1000 AS bigint)
                FROM compute_hosts ORDER BY host""").getResultList();
        return rows.stream().map(ComputeHostReader::toCandidate).toList();
    }

    private static HostCandidate toCandidate(Object[] r) {
        return new HostCandidate((String) r[0], ((Number) r[1]).doubleValue(), ((Number) r[2]).longValue(),
                ((Number) r[3]).longValue(), ((Number) r[4]).doubleValue(), ((Number) r[5]).longValue(),
                ((Number) r[6]).longValue(), ((Number) r[7]).intValue(), (Boolean) r[8],
                Duration.ofMillis(((Number) r[9]).longValue()));
    }
}
