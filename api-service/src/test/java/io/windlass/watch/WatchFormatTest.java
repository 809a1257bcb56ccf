package io.windlass.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WatchFormatTest {
    private static final UUID ID = UUID.fromString("6f1e4c33-5a3a-4e0b-9a52-1c1e6f7d1a10");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aContainerChangeInZunWords() {
        WorkloadChange c = new WorkloadChange(42, WorkloadKind.CONTAINER, ID, "p", "updated", "Error",
                "No valid host", null, null, "h1", Instant.now());
        WatchEvent admin = new ZunWatchFormat(json).event(c, true);
        assertEquals("42", admin.id());
        assertEquals("updated", admin.name());
        assertEquals("{\"type\":\"updated\",\"uuid\":\"" + ID + "\",\"status\":\"Error\",\"status_reason\":"
                + "\"No valid host\",\"task_state\":null,\"host\":\"h1\",\"version\":42}", admin.data());
        assertEquals("id:42\nevent:updated\ndata:" + admin.data() + "\n\n", admin.framed());
    }

    @Test
    void aServerChangeInNovaWordsWithTheHostForAdminsOnly() {
        WorkloadChange c = new WorkloadChange(7, WorkloadKind.SERVER, ID, "p", "updated", "active", null,
                "powering-off", 1, "h2", Instant.now());
        assertEquals("{\"type\":\"updated\",\"id\":\"" + ID + "\",\"status\":\"ACTIVE\",\"OS-EXT-STS:vm_state\":"
                + "\"active\",\"OS-EXT-STS:task_state\":\"powering-off\",\"OS-EXT-STS:power_state\":1,"
                + "\"version\":7}", new NovaWatchFormat(json).event(c, false).data());
        assertEquals("h2", new NovaWatchFormat(json).event(c, true).data()
                .replaceAll(".*\"OS-EXT-SRV-ATTR:host\":\"([^\"]+)\".*", "$1"));
    }

    @Test
    void aFailedServerCarriesItsFaultMessage() {
        WorkloadChange c = new WorkloadChange(8, WorkloadKind.SERVER, ID, "p", "updated", "error", "No valid host",
                null, 0, null, Instant.now());
        String data = new NovaWatchFormat(json).event(c, false).data();
        assertEquals("ERROR", data.replaceAll(".*\"status\":\"([A-Z]+)\".*", "$1"));
        assertEquals("No valid host", data.replaceAll(".*\"fault\":\\{\"message\":\"([^\"]+)\"}.*", "$1"));
    }

    @Test
    void aHeartbeatIsACommentCarryingThePosition() {
        assertEquals(":heartbeat\nid:9\n\n", WatchEvent.heartbeat(9).framed());
    }
}
