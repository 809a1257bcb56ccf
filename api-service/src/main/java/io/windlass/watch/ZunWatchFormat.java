package io.windlass.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Zun's words for a container's or capsule's change: {@code uuid}, {@code status},
 * {@code status_reason}, {@code task_state}, and {@code host} for those whose policy shows it
 * (as the show's {@code host}), with the event {@code type} and the change's {@code version}.
 */
public final class ZunWatchFormat implements WatchFormat {
    private final ObjectMapper json;

    public ZunWatchFormat(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public WatchEvent event(WorkloadChange change, boolean showHost) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", change.change());
        data.put("uuid", change.uuid().toString());
        data.put("status", change.status());
        data.put("status_reason", change.statusReason());
        data.put("task_state", change.taskState());
        if (showHost) {
            data.put("host", change.host());
        }
        data.put("version", change.seq());
        return WatchEvent.change(change.seq(), change.change(), write(json, data));
    }

    static String write(ObjectMapper json, Map<String, Object> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
