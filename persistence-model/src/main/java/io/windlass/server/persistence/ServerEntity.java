package io.windlass.server.persistence;

import io.windlass.persistence.PowerStateConverter;
import io.windlass.persistence.ServerTaskStateConverter;
import io.windlass.persistence.VmStateConverter;
import io.windlass.persistence.WorkloadEntity;
import io.windlass.persistence.WrittenBy;
import io.windlass.server.FlavorSnapshot;
import io.windlass.server.InjectedFile;
import io.windlass.server.PowerState;
import io.windlass.server.ServerAddress;
import io.windlass.server.ServerTaskState;
import io.windlass.server.VmState;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.windlass.persistence.Writer.API;
import static io.windlass.persistence.Writer.CONDUCTOR;

/**
 * One row of {@code servers} (a Nova server). The api-service inserts it (with a copy of the
 * flavor) and writes what users change and the task state of actions; the conductor writes what
 * agents observe. Deleted servers stay as rows with {@code deleted_at} set, as in Nova.
 * JSON columns are replaced, never changed in place.
 */
@Entity
@Table(name = "servers")
@DynamicUpdate
public class ServerEntity extends WorkloadEntity {

    @Column(nullable = false)
    @WrittenBy(API)
    public String name;

    @Column(name = "image_ref", nullable = false)
    @WrittenBy(API)
    public String imageRef;

    /** The engine's reference of the image. */
    @Column(nullable = false)
    @WrittenBy(API)
    public String image;

    @Column(name = "flavor_id", nullable = false)
    @WrittenBy(CONDUCTOR)
    public String flavorId;

    @Column(name = "flavor_name", nullable = false)
    @WrittenBy(CONDUCTOR)
    public String flavorName;

    @WrittenBy(CONDUCTOR)
    public int vcpus;

    @Column(name = "memory_mb")
    @WrittenBy(CONDUCTOR)
    public int memoryMb;

    @Column(name = "root_gb")
    @WrittenBy(CONDUCTOR)
    public int rootGb;

    @Column(name = "ephemeral_gb")
    @WrittenBy(CONDUCTOR)
    public int ephemeralGb;

    /** MiB. */
    @WrittenBy(CONDUCTOR)
    public int swap;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "flavor_extra_specs", nullable = false)
    @WrittenBy(CONDUCTOR)
    public Map<String, String> flavorExtraSpecs = new HashMap<>();

    /** The flavor a resize asked for, until its host has applied it (the api-service sets it, the conductor ends it). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "new_flavor")
    @WrittenBy({API, CONDUCTOR})
    public FlavorSnapshot newFlavor;

    /** The flavor a revert goes back to, from a resize applied until it is confirmed or reverted. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "old_flavor")
    @WrittenBy(CONDUCTOR)
    public FlavorSnapshot oldFlavor;

    /** Nova's server tags (2.26): given at create (2.52) or through {@code /servers/{id}/tags}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    @WrittenBy(API)
    public List<String> tags = List.of();

    /** The user's key/value pairs: given at create, changed through {@code /servers/{id}/metadata}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    @WrittenBy(API)
    public Map<String, String> metadata = new HashMap<>();

    /** Base64, as sent. */
    @Column(name = "user_data")
    @WrittenBy(API)
    public String userData;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    @WrittenBy(API)
    public List<InjectedFile> files = new ArrayList<>();

    @Column(nullable = false)
    @WrittenBy(API)
    public String hostname;

    @WrittenBy(API)
    public String description;

    @Column(name = "access_ip_v4")
    @WrittenBy(API)
    public String accessIpV4;

    @Column(name = "access_ip_v6")
    @WrittenBy(API)
    public String accessIpV6;

    @Column(name = "disk_config", nullable = false)
    @WrittenBy(API)
    public String diskConfig = "MANUAL";

    /** The key pair named at create or rebuild ({@code key_name}), copied: the server keeps it when the pair goes. */
    @Column(name = "key_name")
    @WrittenBy(API)
    public String keyName;

    /** The key pair's public key, as given to the server (config drive, root's authorized_keys). */
    @Column(name = "key_data")
    @WrittenBy(API)
    public String keyData;

    /** The key pair's type: {@code ssh} or {@code x509}; null without a key. */
    @Column(name = "key_type")
    @WrittenBy(API)
    public String keyType;

    @Column(name = "config_drive")
    @WrittenBy({})
    public boolean configDrive = true;

    /** Names as requested ({@code [{"name": ...}]}). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "security_groups", nullable = false)
    @WrittenBy(API)
    public List<String> securityGroups = new ArrayList<>();

    /** The standard properties of the image it was booted or rebuilt from, as they were then (V32). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "image_properties", nullable = false)
    @WrittenBy(API)
    public Map<String, String> imageProperties = new HashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "scheduler_hints", nullable = false)
    @WrittenBy({})
    public Map<String, List<String>> schedulerHints = new HashMap<>();

    /** The zone asked for at boot, or by an unshelve (2.77) for the offloaded server's next host. */
    @Column(name = "requested_zone")
    @WrittenBy(API)
    public String requestedZone;

    /** An admin's forced host, the host holding the image it boots from, or null. */
    @Column(name = "requested_host")
    @WrittenBy(API)
    public String requestedHost;

    /** {@code auto} (the engine's default network) or {@code none}. */
    @Column(nullable = false)
    @WrittenBy({})
    public String network = "auto";

    /** The zone of the host it landed on. */
    @Column(name = "availability_zone")
    @WrittenBy(CONDUCTOR)
    public String availabilityZone;

    @Column(name = "admin_password_set")
    @WrittenBy({})
    public boolean adminPasswordSet;

    @Column(name = "reservation_id", nullable = false)
    @WrittenBy({})
    public String reservationId;

    @Column(name = "launch_index")
    @WrittenBy({})
    public int launchIndex;

    /** The api-service writes {@code deleted} for a server that never reached a host. */
    @Convert(converter = VmStateConverter.class)
    @Column(name = "vm_state", nullable = false)
    @WrittenBy({API, CONDUCTOR})
    public VmState vmState;

    @Convert(converter = ServerTaskStateConverter.class)
    @Column(name = "task_state")
    @WrittenBy({API, CONDUCTOR})
    public ServerTaskState taskState;

    @Convert(converter = PowerStateConverter.class)
    @Column(name = "power_state")
    @WrittenBy(CONDUCTOR)
    public PowerState powerState = PowerState.NOSTATE;

    @WrittenBy({})
    public int progress;

    @Column(name = "engine_id")
    @WrittenBy(CONDUCTOR)
    public String engineId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    @WrittenBy(CONDUCTOR)
    public Map<String, List<ServerAddress>> addresses = new HashMap<>();

    /** {@code {code, message, details, created}} of the last failure, shown on ERROR. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @WrittenBy(CONDUCTOR)
    public Map<String, Object> fault;

    @WrittenBy(API)
    public boolean locked;

    @Column(name = "locked_reason")
    @WrittenBy(API)
    public String lockedReason;

    /** {@code owner} or {@code admin}: who locked it (Nova's locked_by); null while unlocked. */
    @Column(name = "locked_by")
    @WrittenBy(API)
    public String lockedBy;

    @Column(name = "launched_at")
    @WrittenBy(CONDUCTOR)
    public Instant launchedAt;

    @Column(name = "terminated_at")
    @WrittenBy({API, CONDUCTOR})
    public Instant terminatedAt;

    @Column(name = "deleted_at")
    @WrittenBy({API, CONDUCTOR})
    public Instant deletedAt;

    /** The images row of its shelved image while shelved (and unshelving), else null. */
    @Column(name = "shelved_image_id")
    @WrittenBy({API, CONDUCTOR})
    public UUID shelvedImageId;

    /** The engine reference of that image, which an offloaded server is spawned from again. */
    @Column(name = "shelved_image")
    @WrittenBy({API, CONDUCTOR})
    public String shelvedImage;

    /** When it became shelved (still on its host); the offload sweep counts from here. */
    @Column(name = "shelved_at")
    @WrittenBy(CONDUCTOR)
    public Instant shelvedAt;

    /**
     * While the server moves to another host (a cold migration, a resize the old host had no room
     * for) and until the move is confirmed or reverted: the host it left, which keeps its stopped copy
     * (that host's reports of it are not the server's), else null.
     */
    @Column(name = "migration_source")
    @WrittenBy(CONDUCTOR)
    public String migrationSource;

    /** The image the moving server's disk travels in (committed on the host it left), else null. */
    @Column(name = "migration_image_id")
    @WrittenBy(CONDUCTOR)
    public UUID migrationImageId;

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
