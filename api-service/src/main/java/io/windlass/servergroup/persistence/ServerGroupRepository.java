package io.windlass.servergroup.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Native SQL on {@code server_groups} and {@code server_group_members} (V20). */
@ApplicationScoped
public class ServerGroupRepository {
    /** The group's columns and its members, joined in order, as one comma-separated text. */
    private static final String COLUMNS = """
            SELECT g.id, g.uuid, g.name, g.project_id, g.user_id, g.policy, g.max_server_per_host,
                   (SELECT string_agg(CAST(m.server_uuid AS text), ',' ORDER BY m.created_at, m.server_uuid)
                    FROM server_group_members m WHERE m.group_id = g.id)
            FROM server_groups g""";

    private final EntityManager em;

    public ServerGroupRepository(EntityManager em) {
        this.em = em;
    }

    /** The group, if it is of {@code projectId} (null: any project's, as an admin sees them). */
    public Optional<ServerGroupRecord> find(UUID uuid, String projectId) {
        var q = em.createNativeQuery(COLUMNS + " WHERE g.uuid = :uuid"
                + (projectId == null ? "" : " AND g.project_id = :project")).setParameter("uuid", uuid);
        if (projectId != null) {
            q.setParameter("project", projectId);
        }
        return read(q.getResultList()).stream().findFirst();
    }

    /**
     * The group locked until the transaction ends, if it is of {@code projectId} (null: any): boots
     * into one group take turns on its member count, and a delete waits for them.
     */
    public Optional<ServerGroupRecord> lock(UUID uuid, String projectId) {
        var q = em.createNativeQuery(COLUMNS + " WHERE g.uuid = :uuid"
                + (projectId == null ? "" : " AND g.project_id = :project") + " FOR UPDATE OF g")
                .setParameter("uuid", uuid);
        if (projectId != null) {
            q.setParameter("project", projectId);
        }
        return read(q.getResultList()).stream().findFirst();
    }

    /** One page of a project's groups (null: every project's) in creation order, as Nova slices them. */
    public List<ServerGroupRecord> page(String projectId, long offset, int limit) {
        var q = em.createNativeQuery(COLUMNS + (projectId == null ? "" : " WHERE g.project_id = :project")
                + " ORDER BY g.id OFFSET :offset LIMIT :limit")
                .setParameter("offset", offset).setParameter("limit", limit);
        if (projectId != null) {
            q.setParameter("project", projectId);
        }
        return read(q.getResultList());
    }

    /**
     * Serialises the project's group creates until the transaction ends: the quota count and the
     * insert that follows it see no concurrent create (Nova rechecks after the insert instead).
     */
    public void lockProject(String projectId) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('server_groups:' || :project))")
                .setParameter("project", projectId).getSingleResult();
    }

    public long countInProject(String projectId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM server_groups WHERE project_id = :project")
                .setParameter("project", projectId).getSingleResult()).longValue();
    }

    public ServerGroupRecord insert(String name, String projectId, String userId, String policy,
                                    Integer maxServerPerHost) {
        UUID uuid = UUID.randomUUID();
        // 0 stands for "not given": a typed value binds the same way whether the rule is there or not
        em.createNativeQuery("INSERT INTO server_groups (uuid, name, project_id, user_id, policy, max_server_per_host) "
                        + "VALUES (:uuid, :name, :project, :user, :policy, NULLIF(:max, 0))")
                .setParameter("uuid", uuid).setParameter("name", name).setParameter("project", projectId)
                .setParameter("user", userId).setParameter("policy", policy)
                .setParameter("max", maxServerPerHost == null ? 0 : maxServerPerHost).executeUpdate();
        return find(uuid, projectId).orElseThrow();
    }

    /** Deletes the group and its memberships (the servers stay); false when it was gone already. */
    public boolean delete(long id) {
        return em.createNativeQuery("DELETE FROM server_groups WHERE id = :id").setParameter("id", id)
                .executeUpdate() == 1;
    }

    public void addMembers(long groupId, Collection<UUID> servers) {
        for (UUID server : servers) {
            em.createNativeQuery("INSERT INTO server_group_members (server_uuid, group_id) VALUES (:server, :group)")
                    .setParameter("server", server).setParameter("group", groupId).executeUpdate();
        }
    }

    /** The uuid of the group the server is in, if any. */
    public Optional<String> groupOf(UUID server) {
        List<?> rows = em.createNativeQuery("SELECT CAST(g.uuid AS text) FROM server_group_members m "
                + "JOIN server_groups g ON g.id = m.group_id WHERE m.server_uuid = :server")
                .setParameter("server", server).getResultList();
        return rows.stream().map(String.class::cast).findFirst();
    }

    @SuppressWarnings("unchecked")
    private static List<ServerGroupRecord> read(List<?> rows) {
        return ((List<Object[]>) rows).stream().map(c -> new ServerGroupRecord(((Number) c[0]).longValue(),
                (UUID) c[1], (String) c[2], (String) c[3], (String) c[4], (String) c[5],
                c[6] == null ? null : ((Number) c[6]).intValue(),
                c[7] == null ? List.of() : List.of(((String) c[7]).split(",")))).toList();
    }
}
