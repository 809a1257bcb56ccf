package io.windlass.host.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;

/** Reads the scheduler's claims ({@code allocations}) on a host, summed per project. */
@ApplicationScoped
public class HostClaimRepository {
    private final EntityManager em;

    public HostClaimRepository(EntityManager em) {
        this.em = em;
    }

    /** One row per project holding anything on {@code host}, in project order. */
    public List<HostClaim> byProject(String host) {
        List<HostClaim> out = new ArrayList<>();
        for (Object row : em.createNativeQuery("""
                        SELECT project_id, sum(vcpus), sum(memory_mb), sum(disk_gb) FROM allocations
                        WHERE host = :host GROUP BY project_id ORDER BY project_id NULLS LAST""")
                .setParameter("host", host).getResultList()) {
            Object[] c = (Object[]) row;
            out.add(new HostClaim((String) c[0], ((Number) c[1]).doubleValue(), ((Number) c[2]).longValue(),
                    ((Number) c[3]).longValue()));
        }
        return out;
    }
}
