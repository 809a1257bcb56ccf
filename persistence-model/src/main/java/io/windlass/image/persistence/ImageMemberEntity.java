package io.windlass.image.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A project a {@code shared} image is shared with ({@code image_members}, Glance's image member):
 * added by the image's owner as {@code pending}, accepted or rejected by the member. The rows of an
 * image go when the image is deleted (V41's trigger).
 */
@Entity
@Table(name = "image_members")
@IdClass(ImageMemberEntity.Key.class)
public class ImageMemberEntity {
    @Id
    @Column(name = "image_id")
    public UUID imageId;

    /** The member project's id, as the owner gave it (Glance checks no project exists). */
    @Id
    public String member;

    /** {@code pending}, {@code accepted} or {@code rejected}. */
    @Column(nullable = false)
    public String status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The row's identity: one membership per image and project. */
    public static class Key implements Serializable {
        public UUID imageId;
        public String member;

        public Key() {
        }

        public Key(UUID imageId, String member) {
            this.imageId = imageId;
            this.member = member;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(imageId, k.imageId) && Objects.equals(member, k.member);
        }

        @Override
        public int hashCode() {
            return Objects.hash(imageId, member);
        }
    }
}
