package io.windlass.migration.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One move of a server ({@code migrations}, V26): Nova's migration record, shown by
 * {@code os-migrations}. The api-service inserts it when it accepts a resize and sets
 * {@code confirming}/{@code reverting} when asked to; the conductor moves {@link #status} on as the
 * resize goes ({@link #MIGRATING}, {@link #FINISHED}, {@link #CONFIRMED}, {@link #REVERTED},
 * {@link #ERROR}) and sets {@link #updatedAt} with every change.
 */
@Entity
@Table(name = "migrations")
public class MigrationEntity {
    /** Nova's statuses of a resize, in the order they come. */
    public static final String PRE_MIGRATING = "pre-migrating";
    public static final String MIGRATING = "migrating";
    /** A move's new host spawns the server (Nova's {@code finish_resize} on the destination). */
    public static final String POST_MIGRATING = "post-migrating";
    public static final String FINISHED = "finished";
    public static final String CONFIRMING = "confirming";
    public static final String CONFIRMED = "confirmed";
    public static final String REVERTING = "reverting";
    public static final String REVERTED = "reverted";
    public static final String ERROR = "error";
    /** Nova's {@code MigrationType.RESIZE}: a move to another flavor (here always on the same host). */
    public static final String RESIZE = "resize";
    /** Nova's cold migration: a move to another host on the same flavor. */
    public static final String MIGRATION = "migration";
    /** An evacuation's record: {@code accepted}, {@code pre-migrating} once scheduled, then {@code done}, or
     * {@code error} (no host) or {@code failed} (the spawn on the new host failed), as Nova's. */
    public static final String EVACUATION = "evacuation";
    public static final String ACCEPTED = "accepted";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public UUID uuid;

    @Column(name = "instance_uuid", nullable = false)
    public UUID instanceUuid;

    @Column(name = "migration_type", nullable = false)
    public String migrationType = RESIZE;

    @Column(nullable = false)
    public String status;

    @Column(name = "source_compute")
    public String sourceCompute;

    @Column(name = "dest_compute")
    public String destCompute;

    @Column(name = "source_node")
    public String sourceNode;

    @Column(name = "dest_node")
    public String destNode;

    @Column(name = "dest_host")
    public String destHost;

    @Column(name = "old_instance_type_id")
    public Long oldInstanceTypeId;

    @Column(name = "new_instance_type_id")
    public Long newInstanceTypeId;

    @Column(nullable = false)
    public boolean hidden;

    @Column(name = "user_id")
    public String userId;

    @Column(name = "project_id", nullable = false)
    public String projectId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
