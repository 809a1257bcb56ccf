package io.windlass.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.windlass.network.WorkloadPort;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.windlass.persistence.Writer.API;
import static io.windlass.persistence.Writer.CONDUCTOR;

/**
 * The columns every workload table ({@code containers}, {@code capsules}, {@code servers})
 * shares: identity, owner, placement and the time of the newest observation applied.
 */
@MappedSuperclass
public abstract class WorkloadEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    @WrittenBy({})
    public UUID uuid;

    @Column(name = "project_id", nullable = false)
    @WrittenBy({})
    public String projectId;

    @Column(name = "user_id", nullable = false)
    @WrittenBy({})
    public String userId;

    /** The host holding the workload; null until scheduled, and again once nothing is left there. */
    @WrittenBy(CONDUCTOR)
    public String host;

    /**
     * The ports the workload holds on tenant networks, in the order asked for; empty: it sits on
     * its host engine's default network. The API writes them with the row, in one transaction
     * with the ports it binds or makes, and adds one for an interface attached; the conductor takes
     * one off once its host has detached it, or refused to attach it (both lock the row first).
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    @WrittenBy({API, CONDUCTOR})
    public List<WorkloadPort> nics = List.of();

    /** The newest agent observation applied: older reports are ignored. */
    @Column(name = "status_observed_at")
    @WrittenBy(CONDUCTOR)
    public Instant statusObservedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    @WrittenBy({})
    public Instant createdAt;

    @Column(name = "updated_at")
    @WrittenBy({API, CONDUCTOR})
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

    /** PostgreSQL keeps microseconds; truncating makes what was written equal what is read back. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
