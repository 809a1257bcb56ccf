package io.windlass.image.api;

import io.windlass.api.error.ErrorBodyFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Glance's error body for everything under {@code /image}. Glance raises webob HTTP
 * exceptions, which render as JSON like {@code {"message": "...", "code": "404 Not Found",
 * "title": "Not Found"}} (the status line as the code); glanceclient and openstacksdk read
 * only the status and show the message.
 */
@ApplicationScoped
public class GlanceErrorFormat implements ErrorBodyFormat {

    @Override
    public boolean handles(String path) {
        return path.equals("/image") || path.startsWith("/image/");
    }

    @Override
    public Object body(int status, String errorName, String message) {
        return of(status, message);
    }

    @Override
    public Object unexpected(String correlationId) {
        return of(500, "The server has either erred or is incapable of performing the requested operation. "
                + "Error Correlation id is: " + correlationId);
    }

    @Override
    public String malformedBody(String parserMessage) {
        return "Malformed JSON in request body.";
    }

    public static Map<String, Object> of(int status, String message) {
        String title = title(status);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("code", status + " " + title);
        body.put("title", title);
        return body;
    }

    private static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
