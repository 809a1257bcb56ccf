package io.windlass.container.service;

import io.windlass.api.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchivePathTest {

    @Test
    void pathsThatStayInsideTheRootAreKept() {
        for (String inside : new String[] {"/", "/etc", "/etc/../tmp", "tmp/x", "./a/./b/..", "/a/b/../../c"}) {
            assertFalse(ArchivePath.leavesRoot(inside), inside);
            assertEquals(inside, ArchivePath.inContainer(inside));
        }
    }

    @Test
    void pathsThatClimbAboveTheRootAreRefusedNamingThem() {
        for (String outside : new String[] {"/..", "../etc/shadow", "/tmp/../../etc", "a/../../b"}) {
            assertTrue(ArchivePath.leavesRoot(outside), outside);
        }
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> ArchivePath.inContainer("/../../etc/shadow"));
        assertEquals("Invalid path /../../etc/shadow: it climbs above the container's root file system.",
                refused.getMessage());
    }
}
