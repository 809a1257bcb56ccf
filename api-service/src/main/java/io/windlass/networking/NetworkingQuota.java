package io.windlass.networking;

import io.windlass.quota.QuotaRefusals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Map;

/**
 * Neutron's counting quota driver: a create first counts the project's rows of that resource.
 * A transaction-scoped advisory lock per project and resource serialises concurrent creates of
 * one project, so two of them cannot both take the last slot; it is released with the
 * transaction that inserts (or fails to insert) the row.
 */
@ApplicationScoped
public class NetworkingQuota {
    /** Neutron's resource names (as OverQuota shows them) and the tables they count. */
    public enum Resource {
        NETWORK("network", "networks"), SUBNET("subnet", "subnets"), PORT("port", "ports"),
        SECURITY_GROUP("security_group", "security_groups"),
        SECURITY_GROUP_RULE("security_group_rule", "security_group_rules"), ROUTER("router", "routers");

        final String wireName;
        final String table;

        Resource(String wireName, String table) {
            this.wireName = wireName;
            this.table = table;
        }
    }

    private final EntityManager em;
    private final Map<Resource, Integer> limits;
    private final QuotaRefusals refusals;

    public NetworkingQuota(EntityManager em, NetworkingQuotaConfig config, QuotaRefusals refusals) {
        this.em = em;
        this.refusals = refusals;
        this.limits = Map.of(Resource.NETWORK, config.networks(), Resource.SUBNET, config.subnets(),
                Resource.PORT, config.ports(), Resource.SECURITY_GROUP, config.securityGroups(),
                Resource.SECURITY_GROUP_RULE, config.securityGroupRules(), Resource.ROUTER, config.routers());
    }

    public int limit(Resource resource) {
        return limits.get(resource);
    }

    /** @throws NeutronException OverQuota when {@code count} more would exceed the project's limit */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reserve(String projectId, Resource resource, int count) {
        int limit = limits.get(resource);
        if (limit < 0) {
            return;
        }
        em.createNativeQuery("SELECT cast(pg_advisory_xact_lock(hashtext(:key)) as text)")
                .setParameter("key", "netquota/" + projectId + "/" + resource.wireName).getSingleResult();
        long used = ((Number) em.createNativeQuery("SELECT count(*) FROM " + resource.table
                + " WHERE project_id = :project").setParameter("project", projectId).getSingleResult()).longValue();
        if (used + count > limit) {
            refusals.refused(resource.wireName);
            throw NeutronException.overQuota(resource.wireName);
        }
    }

    public long used(String projectId, Resource resource) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM " + resource.table
                + " WHERE project_id = :project").setParameter("project", projectId).getSingleResult()).longValue();
    }
}
