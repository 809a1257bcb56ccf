package io.windlass.container.persistence;

import io.windlass.container.ContainerAddress;
import io.windlass.container.ContainerHealthcheck;
import io.windlass.container.RestartPolicy;
import io.windlass.container.VolumeMount;
import io.windlass.persistence.ZunWorkloadEntity;
import io.windlass.persistence.WrittenBy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.windlass.persistence.Writer.API;
import static io.windlass.persistence.Writer.CONDUCTOR;

/**
 * One row of {@code containers} (a Zun container). The api-service inserts it and writes what
 * users change; the conductor writes what agents observe. Updates write only the changed columns.
 * <p>
 * JSON columns hold common-model records and are replaced, never changed in place: marked
 * immutable, Hibernate keeps no deep copy of each per loaded row (about 6 % of the conductor's CPU
 * under load when it did) and tells a change by the new value.
 */
@Entity
@Table(name = "containers")
@DynamicUpdate
public class ContainerEntity extends ZunWorkloadEntity {

    @WrittenBy(API)
    public String name;

    @Column(nullable = false)
    @WrittenBy({})
    public String image;

    @Column(name = "image_driver")
    @WrittenBy({})
    public String imageDriver;

    @Column(name = "image_pull_policy")
    @WrittenBy({})
    public String imagePullPolicy;

    /** The conductor fills in the image's own command when the user gave none. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    @WrittenBy(CONDUCTOR)
    public List<String> command = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @WrittenBy({})
    public List<String> entrypoint;

    /** Changed by a live resize, which the conductor runs. */
    @WrittenBy(CONDUCTOR)
    public double cpu;

    /** MiB; changed by a live resize. */
    @WrittenBy(CONDUCTOR)
    public int memory;

    /** GiB. */
    @WrittenBy({})
    public int disk;

    @WrittenBy({})
    public String workdir;

    @WrittenBy({})
    public String hostname;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    @WrittenBy({})
    public Map<String, String> environment = new HashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    @WrittenBy({})
    public Map<String, String> labels = new HashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "restart_policy")
    @WrittenBy({})
    public RestartPolicy restartPolicy;

    /** Requested zone, for the scheduler; null for any. */
    @Column(name = "availability_zone")
    @WrittenBy({})
    public String availabilityZone;

    /** The host an admin asked for (Zun's {@code host}, 1.39), for the scheduler; null for any. */
    @Column(name = "requested_host")
    @WrittenBy({})
    public String requestedHost;

    /** Zun's scheduler hints, each value as a list (e.g. same_host → uuids). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "scheduler_hints", nullable = false)
    @WrittenBy({})
    public Map<String, List<String>> schedulerHints = new HashMap<>();

    @WrittenBy({})
    public boolean interactive;

    /** The create asked to start it too (Zun's {@code ?run=true}); a re-sent create does the same. */
    @WrittenBy({})
    public boolean run;

    @WrittenBy({})
    public boolean tty;

    @Column(name = "auto_remove")
    @WrittenBy({})
    public boolean autoRemove;

    @Column(name = "auto_heal")
    @WrittenBy(API)
    public boolean autoHeal;

    @WrittenBy({})
    public String runtime;

    /** Zun's {@code privileged} (V35): the engine container gets extended privileges. */
    @WrittenBy({})
    public boolean privileged;

    /** Group ids (Zun shows ids); changed by add_security_group and remove_security_group. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "security_groups", nullable = false)
    @WrittenBy(API)
    public List<String> securityGroups = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "requested_nets", nullable = false)
    @WrittenBy({})
    public List<Map<String, String>> requestedNets = new ArrayList<>();

    @Column(name = "status_detail")
    @WrittenBy(CONDUCTOR)
    public String statusDetail;

    @Column(name = "engine_id")
    @WrittenBy(CONDUCTOR)
    public String engineId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    @WrittenBy(CONDUCTOR)
    public Map<String, List<ContainerAddress>> addresses = new HashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    @WrittenBy(CONDUCTOR)
    public List<Integer> ports = new ArrayList<>();

    @Column(name = "cpu_policy", nullable = false)
    @WrittenBy({})
    public String cpuPolicy = "shared";

    /** Zun's exposed_ports (1.24) as Docker's keys, {@code "80/tcp"}; its group {@code zun-<uuid>} opens them. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "exposed_ports", nullable = false)
    @WrittenBy({})
    public List<String> exposedPorts = new ArrayList<>();

    /** Zun's healthcheck (1.22); null: the image's own. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @WrittenBy({})
    public ContainerHealthcheck healthcheck;

    /** The engine's verdict of the health check, as its host last reported it. */
    @Column(name = "health_status")
    @WrittenBy(CONDUCTOR)
    public String healthStatus;

    /** Zun's mounts (1.11) on engine named volumes. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    @WrittenBy({})
    public List<VolumeMount> mounts = new ArrayList<>();

    /** Zun's registry (1.31): the uuid of the registry its image is pulled from with that registry's login; null for none. */
    @Column(name = "registry_id")
    @WrittenBy({})
    public UUID registryId;
}
