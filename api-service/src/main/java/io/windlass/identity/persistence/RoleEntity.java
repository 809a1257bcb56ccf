package io.windlass.identity.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One row of {@code identity_roles}. */
@Entity
@Table(name = "identity_roles")
public class RoleEntity extends PanacheEntityBase {
    @Id
    public String id;
    public String name;
}
