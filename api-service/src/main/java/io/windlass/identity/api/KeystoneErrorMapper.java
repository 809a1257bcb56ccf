package io.windlass.identity.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers identity failures in Keystone's format (the container API keeps Zun's). */
public class KeystoneErrorMapper {
    private static final Logger LOG = Logger.getLogger(KeystoneErrorMapper.class);

    @ServerExceptionMapper
    public Response keystoneError(KeystoneException e) {
        LOG.infof("%d %s: %s", e.status(), e.title(), e.getMessage());
        return body(e.status(), e.title(), e.getMessage());
    }

    public static Response body(int status, String title, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(KeystoneErrorBody.of(status, title, message)).build();
    }
}
