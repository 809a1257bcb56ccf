package io.windlass.api.error;

import jakarta.enterprise.context.ApplicationScoped;

/** Zun's error document: the format of every path no other family claims. */
@ApplicationScoped
public class ZunErrorFormat implements ErrorBodyFormat {

    @Override
    public boolean handles(String path) {
        return true;
    }

    @Override
    public Object body(int status, String errorName, String message) {
        return ZunErrorBody.of(status, errorName, message);
    }

    @Override
    public Object unexpected(String correlationId) {
        return ZunErrorBody.serverError(500, "Internal Server Error",
                "The server has either erred or is incapable of performing the requested operation. "
                        + "Error Correlation id is: " + correlationId);
    }
}
