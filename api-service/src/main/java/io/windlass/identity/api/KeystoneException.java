package io.windlass.identity.api;

import jakarta.ws.rs.core.Response;

/** An expected identity failure, answered with Keystone's error body. */
public class KeystoneException extends RuntimeException {
    private final int status;

    public KeystoneException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** Keystone's title for the status ({@code "Not Found"}, {@code "Unauthorized"}...). */
    public String title() {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    public static KeystoneException badRequest(String message) {
        return new KeystoneException(400, message);
    }

    /** 401 with Keystone's wording; {@code why} stays in our logs, not in the answer. */
    public static KeystoneException unauthorized(String message) {
        return new KeystoneException(401, message);
    }

    public static KeystoneException forbidden(String message) {
        return new KeystoneException(403, message);
    }

    public static KeystoneException notFound(String kind, String id) {
        return new KeystoneException(404, "Could not find " + kind + ": " + id + ".");
    }

    public static KeystoneException conflict(String message) {
        return new KeystoneException(409, message);
    }
}
