package io.windlass.compute.api;

import io.windlass.api.error.ErrorBodyFormat;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Nova's fault body ({@code nova/api/openstack/wsgi.py} {@code Fault}) for everything under
 * {@code /compute}: {@code {"itemNotFound": {"code": 404, "message": "..."}}}, the key chosen by status.
 */
@ApplicationScoped
public class NovaFaultFormat implements ErrorBodyFormat {
    private static final Map<Integer, String> KEYS = Map.ofEntries(
            Map.entry(400, "badRequest"),
            Map.entry(401, "unauthorized"),
            Map.entry(403, "forbidden"),
            Map.entry(404, "itemNotFound"),
            Map.entry(405, "badMethod"),
            Map.entry(409, "conflictingRequest"),
            Map.entry(413, "overLimit"),
            Map.entry(415, "badMediaType"),
            Map.entry(429, "overLimit"),
            Map.entry(501, "notImplemented"),
            Map.entry(503, "serviceUnavailable"));

    @Override
    public boolean handles(String path) {
        return path.equals("/compute") || path.startsWith("/compute/");
    }

    @Override
    public Object body(int status, String errorName, String message) {
        return fault(status, message);
    }

    @Override
    public Object unexpected(String correlationId) {
        return fault(500, "Unexpected API Error. Please report this at https://bugs.launchpad.net/nova/ and "
                + "attach the Nova API log if possible. Error Correlation id is: " + correlationId);
    }

    @Override
    public String malformedBody(String parserMessage) {
        return "Malformed request body";
    }

    /** The fault document for {@code status}. */
    public static Map<String, Object> fault(int status, String message) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("code", status);
        inner.put("message", message);
        return Map.of(KEYS.getOrDefault(status, "computeFault"), inner);
    }
}
