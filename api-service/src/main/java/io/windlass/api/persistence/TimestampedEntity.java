package io.windlass.api.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The {@code created_at}/{@code updated_at} pair every user-facing row carries, set by JPA callbacks. */
@MappedSuperclass
public abstract class TimestampedEntity extends PanacheEntityBase {

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @PrePersist
    void onInsert() {
        if (createdAt == null) {
            createdAt = now();
        }
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = now();
    }

    /** PostgreSQL keeps microseconds; truncating here makes the 202 body match later reads. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
