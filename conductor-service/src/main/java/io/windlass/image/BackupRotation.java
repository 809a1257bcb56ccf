package io.windlass.image;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Nova's {@code _rotate_backups}: of one server's backups of one type, only the newest
 * {@code rotation} stay; rotation 0 keeps none, not even the one just made. A protected backup
 * counts among them but is never deleted: Glance refuses Nova's delete of it, and Nova logs that
 * and goes on with the next one.
 */
public final class BackupRotation {
    private BackupRotation() {
    }

    /** One backup: its id, when it was made and whether it is protected. */
    public record Backup(UUID id, Instant createdAt, boolean protectedImage) {
        public Backup(UUID id, Instant createdAt) {
            this(id, createdAt, false);
        }
    }

    /**
     * The backups to delete, newest first: all but the newest {@code rotation}, less the protected
     * ones among them.
     */
    public static List<UUID> excess(List<Backup> backups, int rotation) {
        return backups.stream()
                .sorted(Comparator.comparing(Backup::createdAt).thenComparing(Backup::id).reversed())
                .skip(Math.max(rotation, 0))
                .filter(b -> !b.protectedImage())
                .map(Backup::id)
                .toList();
    }
}
