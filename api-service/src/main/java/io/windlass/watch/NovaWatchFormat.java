package io.windlass.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.windlass.server.service.ServerStatusMapping;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Nova's words for a server's change: {@code id}, {@code status} (mapped from vm_state and
 * task_state as the server views map it), {@code OS-EXT-STS:vm_state}, {@code task_state},
 * {@code power_state}, a {@code fault} message while the server is in ERROR or DELETED, and
 * {@code OS-EXT-SRV-ATTR:host} only for those the extended-attributes policy lets see it.
 */
public final class NovaWatchFormat implements WatchFormat {
    private final ObjectMapper json;

    public NovaWatchFormat(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public WatchEvent event(WorkloadChange change, boolean showHost) {
        String status = ServerStatusMapping.status(change.status(), change.taskState());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", change.change());
        data.put("id", change.uuid().toString());
        data.put("status", status);
        data.put("OS-EXT-STS:vm_state", change.status());
        data.put("OS-EXT-STS:task_state", change.taskState());
        data.put("OS-EXT-STS:power_state", change.powerState());
        if (change.statusReason() != null && ("ERROR".equals(status) || "DELETED".equals(status))) {
            data.put("fault", Map.of("message", change.statusReason()));
        }
        if (showHost) {
            data.put("OS-EXT-SRV-ATTR:host", change.host());
        }
        data.put("version", change.seq());
        return WatchEvent.change(change.seq(), change.change(), ZunWatchFormat.write(json, data));
    }
}
