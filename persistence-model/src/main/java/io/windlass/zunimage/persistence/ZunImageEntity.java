package io.windlass.zunimage.persistence;

import io.windlass.persistence.ZunImageStatusConverter;
import io.windlass.zunimage.ZunImageStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An image of Zun's images API ({@code zun_images}): one reference pulled onto one host. The
 * api-service inserts it ({@link ZunImageStatus#PULLING}) and deletes it; the conductor writes
 * {@link #status}, {@link #statusReason}, {@link #imageId}, {@link #size} and {@link #updatedAt}
 * from the host's report of the pull. Nothing else changes after the insert.
 */
@Entity
@Table(name = "zun_images")
public class ZunImageEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public UUID uuid;

    /** The project that pulled it. */
    @Column(name = "project_id", nullable = false)
    public String projectId;

    @Column(name = "user_id")
    public String userId;

    /** The repository as the request named it, without its tag ({@code busybox}, {@code registry:5000/team/app}). */
    @Column(nullable = false)
    public String repo;

    /** The tag; {@code latest} when the request named none. */
    @Column(nullable = false)
    public String tag;

    /** The compute host it was pulled onto. */
    @Column(nullable = false)
    public String host;

    /** The engine's id of the image ({@code sha256:...}), once pulled. */
    @Column(name = "image_id")
    public String imageId;

    /** Bytes, as the engine measures the image, once pulled. */
    public Long size;

    @Convert(converter = ZunImageStatusConverter.class)
    @Column(nullable = false)
    public ZunImageStatus status;

    /** Why the pull failed, in the engine's words; null otherwise. */
    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** What the engine calls it: {@code repo:tag}. */
    public String reference() {
        return repo + ":" + tag;
    }
}
