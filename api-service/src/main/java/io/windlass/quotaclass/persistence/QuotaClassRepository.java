package io.windlass.quotaclass.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code quota_classes}: a class's limits by resource name (V19). */
@ApplicationScoped
public class QuotaClassRepository {
    private final EntityManager em;

    public QuotaClassRepository(EntityManager em) {
        this.em = em;
    }

    /** The limits the class has rows for, by resource. */
    public Map<String, Long> limits(String className) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("SELECT resource, hard_limit FROM quota_classes WHERE class_name = :c")
                .setParameter("c", className).getResultList()) {
            Object[] c = (Object[]) row;
            out.put((String) c[0], ((Number) c[1]).longValue());
        }
        return out;
    }

    /** Sets each resource's limit in the class, adding the rows it has not got yet. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void set(String className, Map<String, Long> limits) {
        limits.forEach((resource, limit) -> em.createNativeQuery("""
                        INSERT INTO quota_classes (class_name, resource, hard_limit) VALUES (:c, :r, :l)
                        ON CONFLICT (class_name, resource) DO UPDATE SET hard_limit = EXCLUDED.hard_limit,
                            updated_at = now()""")
                .setParameter("c", className).setParameter("r", resource).setParameter("l", limit).executeUpdate());
    }
}
