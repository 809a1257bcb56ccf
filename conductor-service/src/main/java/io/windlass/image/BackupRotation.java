package io.windlass.image;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Nova's {@code _rotate_backups}: of one server's backups of one type, only the newest
 * {@code rotation} stay; rotation 0 keeps none, not even the one just made.
 */
public final class BackupRotation {
    private BackupRotation() {
    }

    /** One backup: its id and when it was made. */
    public record Backup(UUID id, Instant createdAt) {
    }

    /** The backups to delete, oldest last among the kept ones: all but the newest {@code rotation}. */
    public static List<UUID> excess(List<Backup> backups, int rotation) {
        return backups.stream()
                .sorted(Comparator.comparing(Backup::createdAt).thenComparing(Backup::id).reversed())
                .skip(Math.max(rotation, 0))
                .map(Backup::id)
                .toList();
    }
}
