package io.windlass.server.service;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nova's answer per external event: which are taken and which refused with what code. */
class ServerExternalEventTest {
    private static final String SERVER = "4f7f5a43-5b8e-4c2f-9d6a-6f1f0a4a8c11";

    @Test
    void anEventForAServerOnAHostIsTakenAsCompleted() {
        ServerExternalEvent event = ServerExternalEvent.received(SERVER, "network-changed", null, null)
                .decided(true, "host-1");
        assertTrue(event.accepted());
        assertEquals(200, event.code());
        assertEquals("completed", event.status());
    }

    @Test
    void anInProgressEventThatIsTakenIsAnsweredCompleted() {
        assertEquals("completed", ServerExternalEvent.received(SERVER, "network-vif-plugged", "in-progress", "port")
                .decided(true, "host-1").status());
    }

    @Test
    void anUnknownServerIs404AndAServerOnNoHost422() {
        ServerExternalEvent unknown = ServerExternalEvent.received(SERVER, "network-changed", null, null)
                .decided(false, null);
        assertEquals(404, unknown.code());
        assertEquals("failed", unknown.status());
        assertFalse(unknown.accepted());
        ServerExternalEvent unplaced = ServerExternalEvent.received(SERVER, "network-changed", null, null)
                .decided(true, null);
        assertEquals(422, unplaced.code());
        assertEquals("failed", unplaced.status());
    }

    @Test
    void aVolumeExtendedEventMustNameItsVolume() {
        assertEquals(400, ServerExternalEvent.received(SERVER, "volume-extended", null, null)
                .decided(true, "host-1").code());
        assertEquals(200, ServerExternalEvent.received(SERVER, "volume-extended", null, "vol-1")
                .decided(true, "host-1").code());
    }
}
