package io.windlass.capsule.persistence;

import io.windlass.capsule.CapsuleMemberState;
import io.windlass.capsule.CapsuleSpec;
import io.windlass.container.ContainerAddress;
import io.windlass.container.ContainerStatus;
import io.windlass.container.ContainerStatusConverter;
import io.windlass.container.TaskState;
import io.windlass.container.TaskStateConverter;
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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One row of {@code capsules}. The api-service writes the template and Deleting; the
 * conductor writes host, status and the members' observed states.
 */
@Entity
@Table(name = "capsules")
public class CapsuleEntity extends TimestampedEntity {

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

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> labels = new HashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> annotations = new HashMap<>();

    /** Docker's spelling: always, on-failure, no. */
    @Column(name = "restart_policy", nullable = false)
    public String restartPolicy;

    public double cpu;

    /** MiB. */
    public int memory;

    @Column(name = "availability_zone")
    public String availabilityZone;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public CapsuleSpec spec;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<CapsuleMemberState> members = new ArrayList<>();

    @Convert(converter = ContainerStatusConverter.class)
    @Column(nullable = false)
    public ContainerStatus status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "task_state")
    @Convert(converter = TaskStateConverter.class)
    public TaskState taskState;

    public String host;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, List<ContainerAddress>> addresses = new HashMap<>();
}
