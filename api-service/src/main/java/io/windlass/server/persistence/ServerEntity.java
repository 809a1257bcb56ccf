package io.windlass.server.persistence;

import io.windlass.api.persistence.TimestampedEntity;
import io.windlass.server.InjectedFile;
import io.windlass.server.ServerAddress;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One row of {@code servers} (V8). The api-service writes the user-facing fields and the task
 * state of actions; the conductor writes what agents observe. vm_state/task_state are stored
 * as Nova's strings ({@link io.windlass.server.VmState#value()}), power_state as its integer.
 */
@Entity
@Table(name = "servers")
public class ServerEntity extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public UUID uuid;

    @Column(nullable = false)
    public String name;

    @Column(name = "project_id", nullable = false)
    public String projectId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "image_ref", nullable = false)
    public String imageRef;

    @Column(nullable = false)
    public String image;

    @Column(name = "flavor_id", nullable = false)
    public String flavorId;

    @Column(name = "flavor_name", nullable = false)
    public String flavorName;

    public int vcpus;

    @Column(name = "memory_mb")
    public int memoryMb;

    @Column(name = "root_gb")
    public int rootGb;

    @Column(name = "ephemeral_gb")
    public int ephemeralGb;

    /** MiB. */
    public int swap;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "flavor_extra_specs", nullable = false)
    public Map<String, String> flavorExtraSpecs = new HashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> metadata = new HashMap<>();

    /** Base64, as sent. */
    @Column(name = "user_data")
    public String userData;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<InjectedFile> files = new ArrayList<>();

    @Column(nullable = false)
    public String hostname;

    public String description;

    @Column(name = "access_ip_v4")
    public String accessIpV4;

    @Column(name = "access_ip_v6")
    public String accessIpV6;

    @Column(name = "disk_config", nullable = false)
    public String diskConfig = "MANUAL";

    @Column(name = "key_name")
    public String keyName;

    @Column(name = "config_drive")
    public boolean configDrive = true;

    /** Names as requested ({@code [{"name": ...}]}). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "security_groups", nullable = false)
    public List<String> securityGroups = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "scheduler_hints", nullable = false)
    public Map<String, List<String>> schedulerHints = new HashMap<>();

    @Column(name = "requested_zone")
    public String requestedZone;

    @Column(name = "requested_host")
    public String requestedHost;

    /** {@code auto} (the engine's default network) or {@code none}. */
    @Column(nullable = false)
    public String network = "auto";

    @Column(name = "availability_zone")
    public String availabilityZone;

    @Column(name = "admin_password_set")
    public boolean adminPasswordSet;

    @Column(name = "reservation_id", nullable = false)
    public String reservationId;

    @Column(name = "launch_index")
    public int launchIndex;

    @Column(name = "vm_state", nullable = false)
    public String vmState;

    @Column(name = "task_state")
    public String taskState;

    @Column(name = "power_state")
    public int powerState;

    public int progress;

    public String host;

    @Column(name = "engine_id")
    public String engineId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, List<ServerAddress>> addresses = new HashMap<>();

    /** {@code {code, message, details, created}} of the last failure, shown on ERROR. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> fault;

    public boolean locked;

    @Column(name = "locked_reason")
    public String lockedReason;

    @Column(name = "launched_at")
    public Instant launchedAt;

    @Column(name = "terminated_at")
    public Instant terminatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Column(name = "status_observed_at")
    public Instant statusObservedAt;
}
