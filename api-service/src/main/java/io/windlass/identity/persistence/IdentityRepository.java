package io.windlass.identity.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Queries on the identity tables. Plain look-ups use Panache; role assignments have a
 * composite key and no behaviour, so they are handled with SQL here rather than an entity.
 */
@ApplicationScoped
public class IdentityRepository {
    private final EntityManager em;

    public IdentityRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<DomainEntity> domain(String id) {
        return Optional.ofNullable(DomainEntity.findById(id));
    }

    public Optional<DomainEntity> domainByName(String name) {
        return DomainEntity.find("name", name).firstResultOptional();
    }

    public List<DomainEntity> domains(String name) {
        return name == null ? DomainEntity.listAll() : DomainEntity.list("name", name);
    }

    public Optional<ProjectEntity> project(String id) {
        return Optional.ofNullable(ProjectEntity.findById(id));
    }

    public Optional<ProjectEntity> projectByName(String domainId, String name) {
        return ProjectEntity.find("domainId = ?1 and name = ?2", domainId, name).firstResultOptional();
    }

    public List<ProjectEntity> projects(String name) {
        return name == null ? ProjectEntity.list("order by name") : ProjectEntity.list("name", name);
    }

    public Optional<UserEntity> user(String id) {
        return Optional.ofNullable(UserEntity.findById(id));
    }

    public Optional<UserEntity> userByName(String domainId, String name) {
        return UserEntity.find("domainId = ?1 and name = ?2", domainId, name).firstResultOptional();
    }

    public List<UserEntity> users(String name) {
        return name == null ? UserEntity.list("order by name") : UserEntity.list("name", name);
    }

    public Optional<RoleEntity> role(String id) {
        return Optional.ofNullable(RoleEntity.findById(id));
    }

    public Optional<RoleEntity> roleByName(String name) {
        return RoleEntity.find("name", name).firstResultOptional();
    }

    public List<RoleEntity> roles(String name) {
        return name == null ? RoleEntity.list("order by name") : RoleEntity.list("name", name);
    }

    /** Roles assigned directly (not implied) to the user on the project. */
    public List<RoleEntity> assignedRoles(String userId, String projectId) {
        return em.createQuery("select r from RoleEntity r where r.id in (select a.roleId from RoleAssignmentView a "
                + "where a.userId = :u and a.projectId = :p)", RoleEntity.class)
                .setParameter("u", userId).setParameter("p", projectId).getResultList();
    }

    /** Grants a role; granting it again is not an error (Keystone's PUT is idempotent). */
    public void assign(String userId, String projectId, String roleId) {
        em.createNativeQuery("insert into identity_role_assignments (user_id, project_id, role_id) "
                + "values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, userId).setParameter(2, projectId).setParameter(3, roleId).executeUpdate();
    }

    /** @return whether the assignment existed */
    public boolean unassign(String userId, String projectId, String roleId) {
        return em.createNativeQuery("delete from identity_role_assignments where user_id = ?1 and project_id = ?2 "
                + "and role_id = ?3")
                .setParameter(1, userId).setParameter(2, projectId).setParameter(3, roleId).executeUpdate() > 0;
    }

    /** Every assignment, optionally narrowed to a user and/or project. */
    public List<RoleAssignmentView> assignments(String userId, String projectId) {
        StringBuilder q = new StringBuilder("select a from RoleAssignmentView a where 1 = 1");
        if (userId != null) {
            q.append(" and a.userId = :u");
        }
        if (projectId != null) {
            q.append(" and a.projectId = :p");
        }
        var query = em.createQuery(q.toString(), RoleAssignmentView.class);
        if (userId != null) {
            query.setParameter("u", userId);
        }
        if (projectId != null) {
            query.setParameter("p", projectId);
        }
        return query.getResultList();
    }

    /** Counts a failed password and returns the new count (atomic, shared by every replica). */
    public int recordFailure(String userId) {
        Object count = em.createNativeQuery("update identity_users set failed_auth_count = failed_auth_count + 1, "
                + "last_failed_auth_at = now() where id = ?1 returning failed_auth_count")
                .setParameter(1, userId).getSingleResult();
        return ((Number) count).intValue();
    }

    public void clearFailures(String userId) {
        em.createNativeQuery("update identity_users set failed_auth_count = 0, last_failed_auth_at = null "
                + "where id = ?1 and failed_auth_count > 0").setParameter(1, userId).executeUpdate();
    }

    /** Records a revoked token until it would have expired anyway. */
    public void revoke(String auditId, Instant expiresAt) {
        em.createNativeQuery("insert into identity_revoked_tokens (audit_id, expires_at) values (?1, ?2) "
                + "on conflict do nothing").setParameter(1, auditId).setParameter(2, expiresAt).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<String> revokedAuditIds() {
        return em.createNativeQuery("select audit_id from identity_revoked_tokens where expires_at > now()")
                .getResultList();
    }

    public int purgeExpiredRevocations() {
        return em.createNativeQuery("delete from identity_revoked_tokens where expires_at <= now()").executeUpdate()
                + em.createNativeQuery("delete from identity_revocation_events where expires_at <= now()")
                .executeUpdate();
    }

    /** Records that tokens of {@code userId} and/or {@code projectId} issued up to {@code issuedBefore} are revoked. */
    public void addRevocationEvent(String userId, String projectId, Instant issuedBefore, Instant expiresAt,
                                   String reason) {
        em.createNativeQuery("insert into identity_revocation_events (user_id, project_id, issued_before, expires_at, "
                        + "reason) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, userId).setParameter(2, projectId).setParameter(3, issuedBefore)
                .setParameter(4, expiresAt).setParameter(5, reason).executeUpdate();
    }

    /** Events that can still match a token: user id, project id, issued before (epoch ms). */
    @SuppressWarnings("unchecked")
    public List<Object[]> revocationEvents() {
        return em.createNativeQuery("select user_id, project_id, "
                + "cast(floor(extract(epoch from issued_before) * 1000) as bigint) from identity_revocation_events "
                + "where expires_at > now()").getResultList();
    }

    /** The named secret, created from {@code candidate} if nobody stored one yet (first writer wins). */
    public String sharedSecret(String name, String candidate) {
        em.createNativeQuery("insert into identity_keys (name, secret) values (?1, ?2) on conflict do nothing")
                .setParameter(1, name).setParameter(2, candidate).executeUpdate();
        return (String) em.createNativeQuery("select secret from identity_keys where name = ?1")
                .setParameter(1, name).getSingleResult();
    }
}
