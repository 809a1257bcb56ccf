package io.windlass.container;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContainerTransitionsTest {

    @Test
    void runningContainerCanBeStoppedPausedRebootedButNotStartedOrDeleted() {
        assertTrue(ContainerTransitions.isAllowed(ContainerStatus.RUNNING, ContainerAction.STOP));
        assertTrue(ContainerTransitions.isAllowed(ContainerStatus.RUNNING, ContainerAction.PAUSE));
        assertTrue(ContainerTransitions.isAllowed(ContainerStatus.RUNNING, ContainerAction.REBOOT));
        assertTrue(ContainerTransitions.isAllowed(ContainerStatus.RUNNING, ContainerAction.STATS));
        assertFalse(ContainerTransitions.isAllowed(ContainerStatus.RUNNING, ContainerAction.START));
        assertFalse(ContainerTransitions.isAllowed(ContainerStatus.RUNNING, ContainerAction.DELETE));
        assertTrue(ContainerTransitions.isAllowed(ContainerStatus.RUNNING, ContainerAction.DELETE_FORCE));
    }

    @Test
    void pausedContainerOnlyUnpausesAndCannotBeForceDeleted() {
        assertTrue(ContainerTransitions.isAllowed(ContainerStatus.PAUSED, ContainerAction.UNPAUSE));
        assertFalse(ContainerTransitions.isAllowed(ContainerStatus.PAUSED, ContainerAction.STOP));
        assertFalse(ContainerTransitions.isAllowed(ContainerStatus.PAUSED, ContainerAction.DELETE_FORCE));
    }

    @Test
    void creatingContainerOnlyAllowsForcedDelete() {
        for (ContainerAction action : ContainerAction.values()) {
            assertEquals(action == ContainerAction.DELETE_FORCE,
                    ContainerTransitions.isAllowed(ContainerStatus.CREATING, action), action.name());
        }
    }

    @Test
    void stoppedAndErrorContainersCanBeStartedAndDeleted() {
        for (ContainerStatus s : new ContainerStatus[] {ContainerStatus.STOPPED, ContainerStatus.ERROR}) {
            assertTrue(ContainerTransitions.isAllowed(s, ContainerAction.START));
            assertTrue(ContainerTransitions.isAllowed(s, ContainerAction.DELETE));
        }
        assertFalse(ContainerTransitions.isAllowed(ContainerStatus.ERROR, ContainerAction.UPDATE));
    }

    /** zun/common/utils.py VALID_STATES for execute, execute_resize, top, get_archive and put_archive. */
    @Test
    void execTopAndArchivesFollowZunsValidStates() {
        for (ContainerStatus s : ContainerStatus.values()) {
            boolean running = s == ContainerStatus.RUNNING;
            assertEquals(running, ContainerTransitions.isAllowed(s, ContainerAction.EXECUTE), s + " execute");
            assertEquals(running, ContainerTransitions.isAllowed(s, ContainerAction.EXECUTE_RESIZE), s + " resize");
            assertEquals(running, ContainerTransitions.isAllowed(s, ContainerAction.TOP), s + " top");
            boolean archive = EnumSet.of(ContainerStatus.CREATED, ContainerStatus.PAUSED, ContainerStatus.RUNNING,
                    ContainerStatus.STOPPED).contains(s);
            assertEquals(archive, ContainerTransitions.isAllowed(s, ContainerAction.GET_ARCHIVE), s + " get_archive");
            assertEquals(archive, ContainerTransitions.isAllowed(s, ContainerAction.PUT_ARCHIVE), s + " put_archive");
        }
        assertEquals("Cannot put_archive container abc in Error state.",
                ContainerTransitions.conflictMessage(ContainerStatus.ERROR, ContainerAction.PUT_ARCHIVE, "abc"));
    }

    @Test
    void conflictMessageNamesTheActionAndStatus() {
        assertEquals("Cannot start container abc in Running state.",
                ContainerTransitions.conflictMessage(ContainerStatus.RUNNING, ContainerAction.START, "abc"));
    }

    @Test
    void statusesUseZunSpelling() {
        assertEquals(ContainerStatus.RUNNING, ContainerStatus.fromValue("Running"));
        assertEquals("Stopped", ContainerStatus.STOPPED.value());
    }
}
