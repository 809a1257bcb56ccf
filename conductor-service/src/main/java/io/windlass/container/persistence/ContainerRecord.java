package io.windlass.container.persistence;

import io.windlass.persistence.TaskStateConverter;
import io.windlass.persistence.ContainerStatusConverter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.windlass.container.ContainerAddress;
import io.windlass.container.ContainerStatus;
import io.windlass.container.RestartPolicy;
import io.windlass.container.TaskState;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The conductor's view of a {@code containers} row: what it needs to build the spec and the
 * columns it owns. Updates write only changed columns, so the api-service's own columns are
 * never overwritten with stale values.
 * <p>
 * The JSON columns are replaced, never changed in place ({@code row.addresses = ...}): marked
 * immutable, Hibernate keeps no deep copy of each (a JSON write and read per column per loaded
 * row, about 6 % of the conductor's CPU samples under load) and tells a change by the new value.
 */
@Entity
@Table(name = "containers")
@DynamicUpdate
public class ContainerRecord extends PanacheEntityBase {

    @Id
    public Long id;

    public UUID uuid;
    public String name;
    @Column(name = "project_id")
    public String projectId;
    public String image;
    @Column(name = "image_pull_policy")
    public String imagePullPolicy;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<String> command;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<String> entrypoint;
    public double cpu;
    /** MiB. */
    public int memory;
    /** GiB. */
    public int disk;
    public String workdir;
    public String hostname;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public Map<String, String> environment;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public Map<String, String> labels;
    /** Stored as the api-service writes it: the common-model record. */
    @Column(name = "restart_policy")
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public RestartPolicy restartPolicy;
    @Column(name = "availability_zone")
    public String availabilityZone;
    @Column(name = "scheduler_hints")
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public Map<String, List<String>> schedulerHints;
    public boolean interactive;
    public boolean tty;
    @Column(name = "auto_remove")
    public boolean autoRemove;

    @Convert(converter = ContainerStatusConverter.class)
    public ContainerStatus status;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "status_detail")
    public String statusDetail;
    @Column(name = "task_state")
    @Convert(converter = TaskStateConverter.class)
    public TaskState taskState;
    public String host;
    @Column(name = "engine_id")
    public String engineId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public Map<String, List<ContainerAddress>> addresses;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<Integer> ports;
    @Column(name = "status_observed_at")
    public Instant statusObservedAt;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<ContainerRecord> findByUuid(UUID uuid) {
        return find("uuid", uuid).firstResultOptional();
    }

    /** Row-locks the container so reports and API writes to it apply one after the other. */
    public static Optional<ContainerRecord> lockByUuid(UUID uuid) {
        return find("uuid", uuid).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public void touch() {
        updatedAt = Instant.now();
    }
}
