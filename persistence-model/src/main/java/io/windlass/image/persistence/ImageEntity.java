package io.windlass.image.persistence;

import io.windlass.image.ImageStatus;
import io.windlass.persistence.ImageStatusConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
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
 * An image Windlass made from a workload ({@code images}): a server's snapshot or backup, a
 * container's commit. The api-service inserts it ({@link ImageStatus#SAVING}) and deletes it; the
 * conductor writes {@link #status}, {@link #host} and {@link #size} once the host has answered.
 */
@Entity
@Table(name = "images")
public class ImageEntity {
    /** Kinds of workload an image can be made from. */
    public static final String FROM_SERVER = "server";
    public static final String FROM_CONTAINER = "container";
    /** Made by Glance's {@code POST /v2/images}: no workload behind it, its bytes uploaded. */
    public static final String FROM_UPLOAD = "upload";

    @Id
    public UUID id;

    /** What the owner called it; Zun's commit names it after the repository. */
    public String name;

    /** What the engine runs: {@code windlass-image/<id>:latest}, or Zun's {@code repository:tag}. */
    @Column(nullable = false)
    public String reference;

    @Convert(converter = ImageStatusConverter.class)
    @Column(nullable = false)
    public ImageStatus status;

    /** The owning project. */
    @Column(nullable = false)
    public String owner;

    @Column(nullable = false)
    public String visibility = "private";

    @Column(name = "source_kind", nullable = false)
    public String sourceKind;

    /** The workload it was made from; null for an upload. */
    @Column(name = "source_uuid")
    public UUID sourceUuid;

    /** The host that holds the committed image, once it does. */
    public String host;

    /** Glance's additional properties: {@code image_type}, {@code instance_uuid}, {@code backup_type}, ... */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> properties = new HashMap<>();

    @Column(name = "min_ram", nullable = false)
    public int minRam;

    @Column(name = "min_disk", nullable = false)
    public int minDisk;

    /** Bytes, as the engine measures the committed image, or as uploaded. */
    public Long size;

    /** As the creator declared them; null for a workload's image, whose view derives them. */
    @Column(name = "container_format")
    public String containerFormat;

    @Column(name = "disk_format")
    public String diskFormat;

    /** Glance's {@code protected}: the image may not be deleted, by its owner nor by a backup's rotation. */
    @Column(name = "protected", nullable = false)
    public boolean protectedImage;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> tags = new ArrayList<>();

    /**
     * The large object holding the image's bytes: an upload's, or the archive a shelved server's
     * host pushed. Null until there are any; set with a null {@link #checksum} while a host is
     * still pushing them.
     */
    public Long data;

    /** How many bytes {@link #data} holds once complete (for a workload's image, {@link #size} is the engine's measure). */
    @Column(name = "data_size")
    public Long dataSize;

    /** Glance's {@code checksum}: the md5 of the stored bytes, hex; set once they are complete. */
    public String checksum;

    /** Glance's {@code os_hash_value}: their sha512, hex ({@code os_hash_algo} is always sha512). */
    @Column(name = "os_hash_value")
    public String osHashValue;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * Marks the row {@code deleted} (it stays, as Glance keeps deleted images) and frees its stored
     * bytes, in the caller's transaction: a rollback keeps both. Who may delete, and whether a protected
     * image may go, is the caller's rule.
     */
    public void markDeleted(ImageFileStore store) {
        status = ImageStatus.DELETED;
        updatedAt = Instant.now();
        if (data != null) {
            store.remove(data);
            data = null;
        }
    }

    /** Whether the image's bytes are in the store, complete: any host can then load it. */
    public boolean stored() {
        return data != null && checksum != null;
    }

    /** The engine reference of an image made under {@code id}: lowercase, as engine repositories must be. */
    public static String referenceOf(UUID id) {
        return "windlass-image/" + id + ":latest";
    }
}
