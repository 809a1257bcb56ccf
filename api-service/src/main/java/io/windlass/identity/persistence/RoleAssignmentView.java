package io.windlass.identity.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** Read-only mapping of {@code identity_role_assignments}; writes go through {@link IdentityRepository}. */
@Entity
@Table(name = "identity_role_assignments")
@IdClass(RoleAssignmentView.Key.class)
public class RoleAssignmentView {
    @Id
    @Column(name = "user_id")
    public String userId;
    @Id
    @Column(name = "project_id")
    public String projectId;
    @Id
    @Column(name = "role_id")
    public String roleId;

    /** Composite primary key. */
    public static class Key implements Serializable {
        public String userId;
        public String projectId;
        public String roleId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(userId, k.userId) && Objects.equals(projectId, k.projectId)
                    && Objects.equals(roleId, k.roleId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, projectId, roleId);
        }
    }
}
