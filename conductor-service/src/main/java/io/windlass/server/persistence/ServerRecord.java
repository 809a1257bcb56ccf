package io.windlass.server.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.windlass.server.InjectedFile;
import io.windlass.server.ServerAddress;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The conductor's view of a {@code servers} row (V8): what scheduling and spawning need, read
 * only, and the columns agent reports write. {@code @DynamicUpdate} keeps its updates to the
 * columns it changed, so they never overwrite what the api-service wrote meanwhile.
 */
@Entity
@Table(name = "servers")
@DynamicUpdate
public class ServerRecord extends PanacheEntityBase {
    @Id
    public Long id;
    public UUID uuid;
    @Column(updatable = false)
    public String name;
    @Column(updatable = false)
    public String hostname;
    @Column(name = "project_id", updatable = false)
    public String projectId;
    @Column(name = "user_id", updatable = false)
    public String userId;
    @Column(updatable = false)
    public String image;
    @Column(updatable = false)
    public int vcpus;
    @Column(name = "memory_mb", updatable = false)
    public int memoryMb;
    @Column(name = "root_gb", updatable = false)
    public int rootGb;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "flavor_extra_specs", updatable = false)
    public Map<String, String> flavorExtraSpecs;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(updatable = false)
    public Map<String, String> metadata;
    @Column(name = "user_data", updatable = false)
    public String userData;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(updatable = false)
    public List<InjectedFile> files;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "scheduler_hints", updatable = false)
    public Map<String, List<String>> schedulerHints;
    @Column(name = "requested_zone", updatable = false)
    public String requestedZone;
    @Column(name = "requested_host", updatable = false)
    public String requestedHost;
    @Column(updatable = false)
    public String network;
    @Column(name = "reservation_id", updatable = false)
    public String reservationId;
    @Column(name = "launch_index", updatable = false)
    public int launchIndex;

    @Column(name = "availability_zone")
    public String availabilityZone;
    @Column(name = "vm_state")
    public String vmState;
    @Column(name = "task_state")
    public String taskState;
    @Column(name = "power_state")
    public int powerState;
    public String host;
    @Column(name = "engine_id")
    public String engineId;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, List<ServerAddress>> addresses;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> fault;
    @Column(name = "launched_at")
    public Instant launchedAt;
    @Column(name = "terminated_at")
    public Instant terminatedAt;
    @Column(name = "deleted_at")
    public Instant deletedAt;
    @Column(name = "status_observed_at")
    public Instant statusObservedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<ServerRecord> findByUuid(UUID uuid) {
        return find("uuid", uuid).firstResultOptional();
    }

    /** Row-locks the server so reports and API writes to it apply one after the other. */
    public static Optional<ServerRecord> lockByUuid(UUID uuid) {
        return find("uuid", uuid).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public void touch() {
        updatedAt = now();
    }

    /** PostgreSQL keeps microseconds; truncating keeps what the API shows equal to what was written. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
