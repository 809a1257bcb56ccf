package io.windlass.container.persistence;

import io.windlass.container.TaskStateConverter;
import io.windlass.container.ContainerStatusConverter;
import io.windlass.container.ContainerAddress;
import io.windlass.container.ContainerStatus;
import io.windlass.container.RestartPolicy;
import io.windlass.container.TaskState;
import io.windlass.api.persistence.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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
 * One row of {@code containers}. The api-service writes the user-facing fields; the
 * conductor writes what agents observe (host, status, engine facts). Structured columns
 * are jsonb holding common-model records, so every service reads them the same way.
 */
@Entity
@Table(name = "containers")
public class ContainerEntity extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public UUID uuid;

    public String name;

    @Column(name = "project_id", nullable = false)
    public String projectId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(nullable = false)
    public String image;

    @Column(name = "image_driver")
    public String imageDriver;

    @Column(name = "image_pull_policy")
    public String imagePullPolicy;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> command = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> entrypoint;

    public double cpu;

    /** MiB. */
    public int memory;

    /** GiB. */
    public int disk;

    public String workdir;

    public String hostname;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> environment = new HashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> labels = new HashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "restart_policy")
    public RestartPolicy restartPolicy;

    /** Requested zone, for the scheduler; null for any. */
    @Column(name = "availability_zone")
    public String availabilityZone;

    /** Zun's scheduler hints, each value as a list (e.g. same_host → uuids). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "scheduler_hints", nullable = false)
    public Map<String, List<String>> schedulerHints = new HashMap<>();

    public boolean interactive;

    public boolean tty;

    @Column(name = "auto_remove")
    public boolean autoRemove;

    @Column(name = "auto_heal")
    public boolean autoHeal;

    public String runtime;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "security_groups", nullable = false)
    public List<String> securityGroups = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "requested_nets", nullable = false)
    public List<Map<String, String>> requestedNets = new ArrayList<>();

    @Convert(converter = ContainerStatusConverter.class)
    @Column(nullable = false)
    public ContainerStatus status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "status_detail")
    public String statusDetail;

    @Convert(converter = TaskStateConverter.class)
    @Column(name = "task_state")
    public TaskState taskState;

    public String host;

    @Column(name = "engine_id")
    public String engineId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, List<ContainerAddress>> addresses = new HashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Integer> ports = new ArrayList<>();

    @Column(name = "cpu_policy", nullable = false)
    public String cpuPolicy = "shared";

    @Column(name = "status_observed_at")
    public Instant statusObservedAt;
}
