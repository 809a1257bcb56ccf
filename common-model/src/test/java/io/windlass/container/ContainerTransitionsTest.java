package io.windlass.container;

import org.junit.jupiter.api.Test;

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
