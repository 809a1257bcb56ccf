package io.windlass.image;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BackupRotationTest {
    private static final Instant T = Instant.parse("2026-12-05T00:00:00Z");

    private static BackupRotation.Backup at(int id, int seconds) {
        return new BackupRotation.Backup(new UUID(0, id), T.plusSeconds(seconds));
    }

    @Test
    void theNewestStayAndTheRestGoNewestFirst() {
        List<BackupRotation.Backup> backups = List.of(at(1, 10), at(2, 30), at(3, 20), at(4, 40));
        assertEquals(List.of(new UUID(0, 3), new UUID(0, 1)), BackupRotation.excess(backups, 2));
        assertEquals(List.of(), BackupRotation.excess(backups, 4));
        assertEquals(List.of(), BackupRotation.excess(backups, 9));
    }

    @Test
    void rotationZeroKeepsNoneNotEvenTheNewOne() {
        assertEquals(List.of(new UUID(0, 2), new UUID(0, 1)), BackupRotation.excess(List.of(at(1, 1), at(2, 2)), 0));
    }

    @Test
    void aProtectedBackupCountsButStays() {
        List<BackupRotation.Backup> backups = List.of(at(1, 10), new BackupRotation.Backup(new UUID(0, 2), T.plusSeconds(20),
                true), at(3, 30), at(4, 40));
        // the protected one is among the excess, so it keeps no newer one in place of itself
        assertEquals(List.of(new UUID(0, 1)), BackupRotation.excess(backups, 2));
        assertEquals(List.of(new UUID(0, 3), new UUID(0, 1)), BackupRotation.excess(backups, 1));
    }
}
