package io.windlass.identity.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One row of {@code identity_projects}. */
@Entity
@Table(name = "identity_projects")
public class ProjectEntity extends PanacheEntityBase {
    @Id
    public String id;
    public String name;
    @Column(name = "domain_id")
    public String domainId;
    public String description = "";
    public boolean enabled = true;
}
