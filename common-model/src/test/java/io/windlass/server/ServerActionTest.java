package io.windlass.server;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerActionTest {

    @Test
    void aRequestBodysKeyNamesTheAction() {
        assertEquals(ServerAction.STOP, ServerAction.requested("os-stop", ""));
        assertEquals(ServerAction.PAUSE, ServerAction.requested("pause", ""));
        assertEquals(ServerAction.REBOOT_SOFT, ServerAction.requested("reboot", "soft"));
        assertEquals(ServerAction.REBOOT_HARD, ServerAction.requested("reboot", "HARD"));
        assertThrows(IllegalArgumentException.class, () -> ServerAction.requested("os-frobnicate", ""));
    }

    @Test
    void eachActionStartsFromTheVmStatesNovaAllows() {
        assertTrue(ServerAction.START.allowedFrom(VmState.STOPPED));
        assertFalse(ServerAction.START.allowedFrom(VmState.ACTIVE));
        assertTrue(ServerAction.REBOOT_HARD.allowedFrom(VmState.PAUSED));
        assertFalse(ServerAction.REBOOT_SOFT.allowedFrom(VmState.PAUSED));
        assertEquals("reboot", ServerAction.REBOOT_HARD.method());
        assertEquals(ServerTaskState.REBOOTING_HARD, ServerAction.REBOOT_HARD.taskState());
    }
}
