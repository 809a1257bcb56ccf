package io.windlass.api.context;

import io.windlass.context.RequestContext;
import jakarta.enterprise.context.RequestScoped;

/**
 * The caller's {@link RequestContext} for the current HTTP request. A holder because the
 * record itself cannot be a request-scoped (proxied) bean.
 */
@RequestScoped
public class CurrentRequestContext {
    private RequestContext context;

    void set(RequestContext context) {
        this.context = context;
    }

    public RequestContext get() {
        if (context == null) {
            throw new IllegalStateException("request context used before the request filter ran");
        }
        return context;
    }
}
