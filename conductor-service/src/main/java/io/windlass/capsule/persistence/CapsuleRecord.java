package io.windlass.capsule.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.windlass.capsule.CapsuleMemberState;
import io.windlass.capsule.CapsuleSpec;
import io.windlass.container.ContainerAddress;
import io.windlass.container.ContainerStatus;
import io.windlass.persistence.ContainerStatusConverter;
import io.windlass.container.TaskState;
import io.windlass.persistence.TaskStateConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The conductor's view of a {@code capsules} row: what scheduling needs and the columns the
 * conductor owns. Only changed columns are written, so the api-service's are never overwritten.
 */
@Entity
@Table(name = "capsules")
@DynamicUpdate
public class CapsuleRecord extends PanacheEntityBase {

    @Id
    public Long id;

    public UUID uuid;
    @Column(name = "project_id")
    public String projectId;
    public double cpu;
    public int memory;
    @Column(name = "availability_zone")
    public String availabilityZone;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(updatable = false)
    public Map<String, String> labels;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(updatable = false)
    public CapsuleSpec spec;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<CapsuleMemberState> members;
    @Convert(converter = ContainerStatusConverter.class)
    public ContainerStatus status;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "task_state")
    @Convert(converter = TaskStateConverter.class)
    public TaskState taskState;
    public String host;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, List<ContainerAddress>> addresses;
    @Column(name = "status_observed_at")
    public Instant statusObservedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<CapsuleRecord> findByUuid(UUID uuid) {
        return find("uuid", uuid).firstResultOptional();
    }

    /** Row-locks the capsule so reports and API writes to it apply one after the other. */
    public static Optional<CapsuleRecord> lockByUuid(UUID uuid) {
        return find("uuid", uuid).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public void touch() {
        updatedAt = Instant.now();
    }
}
