package io.windlass.identity.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** One row of {@code identity_users}. */
@Entity
@Table(name = "identity_users")
public class UserEntity extends PanacheEntityBase {
    @Id
    public String id;
    public String name;
    @Column(name = "domain_id")
    public String domainId;
    /** Encoded by {@code PasswordHasher}; never leaves the service. */
    @Column(name = "password_hash")
    public String passwordHash;
    @Column(name = "default_project_id")
    public String defaultProjectId;
    public boolean enabled = true;
    /** Keystone's extra attributes: every member of a create or update it has no column for, shown back. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> extra = new HashMap<>();
    @Column(name = "failed_auth_count")
    public int failedAuthCount;
    @Column(name = "last_failed_auth_at")
    public Instant lastFailedAuthAt;
}
