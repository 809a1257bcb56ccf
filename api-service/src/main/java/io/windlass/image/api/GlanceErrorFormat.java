package io.windlass.image.api;

import io.windlass.api.error.ErrorBodyFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Glance's error bodies for everything under {@code /image}. Glance raises webob HTTP
 * exceptions, whose rendering depends on Accept (HTML for browsers and {@code *}{@code /*},
 * a flat JSON object for {@code application/json}, plain text otherwise). The plain-text form
 * is used here because it is the one every client reads: glanceclient only understands HTML,
 * plain text or JSON whose values are objects (a flat JSON body crashes it), and openstacksdk
 * shows any text as the message. Body: {@code 404 Not Found\n\nNo image found with ID x\n}.
 */
@ApplicationScoped
public class GlanceErrorFormat implements ErrorBodyFormat {
    private static final MediaType PLAIN = MediaType.valueOf("text/plain; charset=UTF-8");

    @Override
    public boolean handles(String path) {
        return path.equals("/image") || path.startsWith("/image/");
    }

    @Override
    public MediaType mediaType() {
        return PLAIN;
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

    /** webob's plain-text error: the status line, an empty line, the explanation. */
    public static String of(int status, String message) {
        return status + " " + title(status) + "\n\n" + message + "\n";
    }

    private static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
