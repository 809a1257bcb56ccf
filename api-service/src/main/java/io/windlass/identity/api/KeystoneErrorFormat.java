package io.windlass.identity.api;

import io.windlass.api.error.ErrorBodyFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/**
 * Keystone's error document for the identity paths (the API port's root and {@code /v3/**}, also
 * under {@code /identity} for refusals made before {@link IdentityPrefixFilter} re-routes).
 */
@ApplicationScoped
public class KeystoneErrorFormat implements ErrorBodyFormat {

    @Override
    public boolean handles(String path) {
        return IdentityPrefixFilter.isIdentityPath(IdentityPrefixFilter.unprefixed(path));
    }

    @Override
    public Object body(int status, String errorName, String message) {
        return KeystoneErrorBody.of(status, reasonPhrase(status), message);
    }

    @Override
    public Object unexpected(String correlationId) {
        return KeystoneErrorBody.of(500, "Internal Server Error",
                "An unexpected error prevented the server from fulfilling your request. Error Correlation id is: "
                        + correlationId);
    }

    private static String reasonPhrase(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
