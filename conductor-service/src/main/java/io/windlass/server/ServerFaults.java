package io.windlass.server;

import io.windlass.persistence.WorkloadEntity;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Nova's instance fault: {@code {code, message, details, created}}, shown while the server is in ERROR. */
final class ServerFaults {
    private static final DateTimeFormatter ISO_Z = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private ServerFaults() {
    }

    static Map<String, Object> of(int code, String message, String details) {
        Map<String, Object> fault = new LinkedHashMap<>();
        fault.put("code", code);
        fault.put("message", message);
        fault.put("details", details);
        fault.put("created", ISO_Z.format(WorkloadEntity.now()));
        return fault;
    }
}
