package io.windlass.identity.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One row of {@code identity_domains}. */
@Entity
@Table(name = "identity_domains")
public class DomainEntity extends PanacheEntityBase {
    /** The seeded domain every client names as {@code default} / {@code Default}. */
    public static final String DEFAULT_ID = "default";

    @Id
    public String id;
    public String name;
    public String description;
    public boolean enabled;
}
