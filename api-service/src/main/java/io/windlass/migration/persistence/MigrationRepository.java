package io.windlass.migration.persistence;

import io.windlass.context.RequestContext;
import io.windlass.server.persistence.ServerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The api-service's side of {@code migrations}: a resize's record written when the resize is
 * accepted, marked when it is confirmed or reverted, and read for {@code os-migrations}. A
 * deleted server's migrations are not listed: Nova soft-deletes them with the instance.
 */
@ApplicationScoped
public class MigrationRepository {
    private static final String LIVE_SERVER = "exists (select 1 from ServerEntity s where s.uuid = m.instanceUuid "
            + "and s.deletedAt is null)";

    private final EntityManager em;

    public MigrationRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Records the resize of {@code server} (still on its current flavor) to the flavor whose
     * {@code flavors.id} is {@code newFlavorId}, on the server's own host; call inside the
     * transaction that accepts it.
     */
    public MigrationEntity recordResize(RequestContext caller, ServerEntity server, long newFlavorId) {
        MigrationEntity m = leaving(caller, server, MigrationEntity.RESIZE, MigrationEntity.PRE_MIGRATING);
        m.destCompute = server.host;
        m.destNode = server.host;
        m.destHost = single("select underlay_address from compute_hosts where host = ?1", server.host);
        Number old = single("select id from flavors where flavorid = ?1", server.flavorId);
        m.oldInstanceTypeId = old == null ? null : old.longValue();
        m.newInstanceTypeId = newFlavorId;
        em.persist(m);
        return m;
    }

    /**
     * Records the cold migration of {@code server} off its host, on its own flavor (Nova's
     * {@code migration} type, {@code pre-migrating}); the conductor names the host it goes to.
     */
    public MigrationEntity recordMigration(RequestContext caller, ServerEntity server) {
        MigrationEntity m = leaving(caller, server, MigrationEntity.MIGRATION, MigrationEntity.PRE_MIGRATING);
        Number flavor = single("select id from flavors where flavorid = ?1", server.flavorId);
        m.oldInstanceTypeId = flavor == null ? null : flavor.longValue();
        m.newInstanceTypeId = m.oldInstanceTypeId;
        em.persist(m);
        return m;
    }

    /** A new record of {@code server} leaving its host (which is also its one node, as os-hypervisors shows it). */
    private static MigrationEntity leaving(RequestContext caller, ServerEntity server, String type, String status) {
        MigrationEntity m = new MigrationEntity();
        m.uuid = UUID.randomUUID();
        m.instanceUuid = server.uuid;
        m.migrationType = type;
        m.status = status;
        m.sourceCompute = server.host;
        m.sourceNode = server.host;
        m.userId = caller.userId();
        m.projectId = server.projectId;
        m.createdAt = Instant.now();
        return m;
    }

    /**
     * Records the evacuation of {@code server} off its host, to {@code host} when an admin named one
     * (Nova's {@code accepted}); the conductor moves it on. Call inside the transaction that accepts it.
     */
    public MigrationEntity recordEvacuation(RequestContext caller, ServerEntity server, String host) {
        MigrationEntity m = leaving(caller, server, MigrationEntity.EVACUATION, MigrationEntity.ACCEPTED);
        m.destCompute = host;
        m.destNode = host;
        em.persist(m);
        return m;
    }

    /**
     * The server's unfinished resize moves to {@code status} (Nova's confirm and revert set
     * {@code confirming} and {@code reverting} before they cast); call inside the accepting transaction.
     */
    public void mark(UUID server, String status) {
        em.createQuery("update MigrationEntity m set m.status = :status, m.updatedAt = :now where m.instanceUuid = :uuid "
                        + "and m.migrationType in ('resize', 'migration') and m.status in :open").setParameter("status", status).setParameter("now", Instant.now())
                .setParameter("uuid", server).setParameter("open", List.of(MigrationEntity.PRE_MIGRATING,
                        MigrationEntity.MIGRATING, MigrationEntity.FINISHED)).executeUpdate();
    }

    public Optional<MigrationEntity> findByUuid(UUID uuid) {
        return em.createQuery("from MigrationEntity m where m.uuid = :uuid and " + LIVE_SERVER, MigrationEntity.class)
                .setParameter("uuid", uuid).getResultStream().findFirst();
    }

    /** The server's migration of id {@code id}, or nothing. */
    public Optional<MigrationEntity> find(UUID server, long id) {
        return em.createQuery("from MigrationEntity m where m.id = :id and m.instanceUuid = :uuid",
                MigrationEntity.class).setParameter("id", id).setParameter("uuid", server).getResultStream().findFirst();
    }

    /** Every match, oldest first: Nova's unsorted list before 2.59. */
    public List<MigrationEntity> all(MigrationFilter filter) {
        return query(filter, null, " order by m.id").getResultList();
    }

    /**
     * A page, newest first (Nova's {@code created_at}, {@code id} descending from 2.59).
     *
     * @param after the migration the previous page ended with, or null
     */
    public List<MigrationEntity> page(MigrationFilter filter, MigrationEntity after, int limit) {
        return query(filter, after, " order by m.createdAt desc, m.id desc").setMaxResults(limit).getResultList();
    }

    private TypedQuery<MigrationEntity> query(MigrationFilter f, MigrationEntity after, String order) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder jpql = new StringBuilder("from MigrationEntity m where ").append(LIVE_SERVER);
        if (f.host() != null) {
            jpql.append(" and (m.sourceCompute = :host or m.destCompute = :host)");
            params.put("host", f.host());
        } else if (f.sourceCompute() != null) {
            jpql.append(" and m.sourceCompute = :source");
            params.put("source", f.sourceCompute());
        }
        condition(jpql, params, "m.status = :status", "status", f.status());
        condition(jpql, params, "m.instanceUuid = :instance", "instance", f.instanceUuid());
        condition(jpql, params, "m.migrationType = :type", "type", f.migrationType());
        condition(jpql, params, "m.hidden = :hidden", "hidden", f.hidden());
        condition(jpql, params, "m.userId = :user", "user", f.userId());
        condition(jpql, params, "m.projectId = :project", "project", f.projectId());
        condition(jpql, params, "m.updatedAt >= :since", "since", f.since());
        condition(jpql, params, "m.updatedAt <= :before", "before", f.before());
        if (after != null) {
            jpql.append(" and (m.createdAt < :markerCreated or (m.createdAt = :markerCreated and m.id < :markerId))");
            params.put("markerCreated", after.createdAt);
            params.put("markerId", after.id);
        }
        TypedQuery<MigrationEntity> query = em.createQuery(jpql.append(order).toString(), MigrationEntity.class);
        params.forEach(query::setParameter);
        return query;
    }

    private static void condition(StringBuilder jpql, Map<String, Object> params, String clause, String name,
                                  Object value) {
        if (value != null) {
            jpql.append(" and ").append(clause);
            params.put(name, value);
        }
    }

    /** The first row's one column, or null: no row, or a null column (a host without an underlay address). */
    @SuppressWarnings("unchecked")
    private <T> T single(String sql, Object parameter) {
        // not findFirst() on the stream: a null column would throw
        List<?> rows = em.createNativeQuery(sql).setParameter(1, parameter).setMaxResults(1).getResultList();
        return rows.isEmpty() ? null : (T) rows.getFirst();
    }
}
