package io.windlass.quota;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reserves quota for a new container inside the caller's transaction, with one conditional
 * UPDATE per resource: PostgreSQL row locks serialise concurrent creates of a project, so
 * they cannot overshoot, and a rolled-back create rolls its reservation back with it.
 * Usage is released by the {@code containers} delete trigger (V3__quotas.sql), wherever the
 * row is deleted from.
 */
@ApplicationScoped
public class QuotaEnforcer {
    private final EntityManager em;
    private final QuotaConfig config;

    public QuotaEnforcer(EntityManager em, QuotaConfig config) {
        this.em = em;
        this.config = config;
    }

    /** @throws OverQuotaException naming every resource that would exceed its limit */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reserveContainer(String projectId, double cpu, int memoryMb) {
        Map<QuotaResource, Double> amounts = new LinkedHashMap<>();
        amounts.put(QuotaResource.CONTAINERS, 1.0);
        amounts.put(QuotaResource.CPU, cpu);
        amounts.put(QuotaResource.MEMORY, (double) memoryMb);
        List<QuotaResource> exceeded = reserve(projectId, amounts);
        if (!exceeded.isEmpty()) {
            // the transaction is rolled back by the exception, undoing the reservations that did fit
            throw new OverQuotaException(exceeded);
        }
    }

    /**
     * A capsule counts each app container as one of the project's containers, plus its cpu
     * and memory; the {@code capsules} delete trigger (V9__capsule_quotas.sql) gives them back.
     *
     * @throws OverQuotaException naming every resource that would exceed its limit
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reserveCapsule(String projectId, int appContainers, double cpu, int memoryMb) {
        Map<QuotaResource, Double> amounts = new LinkedHashMap<>();
        amounts.put(QuotaResource.CONTAINERS, (double) appContainers);
        amounts.put(QuotaResource.CPU, cpu);
        amounts.put(QuotaResource.MEMORY, (double) memoryMb);
        List<QuotaResource> exceeded = reserve(projectId, amounts);
        if (!exceeded.isEmpty()) {
            throw new OverQuotaException(exceeded);
        }
    }

    /**
     * Reserves every amount that fits and answers the resources that did not; the caller
     * throws (rolling the transaction back) when the answer is not empty.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<QuotaResource> reserve(String projectId, Map<QuotaResource, Double> amounts) {
        List<QuotaResource> exceeded = new ArrayList<>();
        amounts.forEach((resource, amount) -> {
            if (!reserve(projectId, resource, amount)) {
                exceeded.add(resource);
            }
        });
        return exceeded;
    }

    /** What the project uses of a counted resource now (0 when it never used any). */
    public double inUse(String projectId, QuotaResource resource) {
        List<?> row = em.createNativeQuery("select in_use from quota_usages where project_id = ?1 and resource = ?2")
                .setParameter(1, projectId).setParameter(2, resource.key()).getResultList();
        return row.isEmpty() ? 0 : ((Number) row.getFirst()).doubleValue();
    }

    public long limit(String projectId, QuotaResource resource) {
        List<?> explicit = em.createNativeQuery("select hard_limit from quotas where project_id = ?1 and resource = ?2")
                .setParameter(1, projectId).setParameter(2, resource.key()).getResultList();
        if (!explicit.isEmpty()) {
            return ((Number) explicit.getFirst()).longValue();
        }
        return switch (resource) {
            case CONTAINERS -> config.containers();
            case CPU -> config.cpu();
            case MEMORY -> config.memory();
            case INSTANCES -> config.instances();
            case CORES -> config.cores();
            case RAM -> config.ram();
            case METADATA_ITEMS -> config.metadataItems();
            case INJECTED_FILES -> config.injectedFiles();
            case INJECTED_FILE_CONTENT_BYTES -> config.injectedFileContentBytes();
            case INJECTED_FILE_PATH_LENGTH -> config.injectedFilePathLength();
            case KEY_PAIRS -> config.keyPairs();
            case SERVER_GROUPS -> config.serverGroups();
            case SERVER_GROUP_MEMBERS -> config.serverGroupMembers();
        };
    }

    private boolean reserve(String projectId, QuotaResource resource, double amount) {
        em.createNativeQuery("insert into quota_usages (project_id, resource, in_use) values (?1, ?2, 0) "
                + "on conflict do nothing").setParameter(1, projectId).setParameter(2, resource.key()).executeUpdate();
        long limit = limit(projectId, resource);
        // the small epsilon absorbs float noise in fractional cpu sums (0.1 + 0.2 > 0.3)
        int updated = em.createNativeQuery("update quota_usages set in_use = in_use + ?3 "
                + "where project_id = ?1 and resource = ?2 and (?4 < 0 or in_use + ?3 <= ?4 + 1e-9)")
                .setParameter(1, projectId).setParameter(2, resource.key()).setParameter(3, amount)
                .setParameter(4, (double) limit).executeUpdate();
        return updated == 1;
    }
}
