package io.windlass.api.context;

import io.vertx.ext.web.RoutingContext;
import io.windlass.api.config.ApiConfig;
import io.windlass.context.RequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Builds the caller's {@link RequestContext} for every API request. Until identity is
 * wired in, every request acts as the configured default user and project.
 */
public class RequestContextFilter {
    private final ApiConfig config;
    private final CurrentRequestContext current;

    public RequestContextFilter(ApiConfig config, CurrentRequestContext current) {
        this.config = config;
        this.current = current;
    }

    @ServerRequestFilter(preMatching = true, priority = 100)
    public void establish(RoutingContext routing) {
        RequestIds ids = RequestIdRouteFilter.idsOf(routing);
        ApiConfig.DefaultContext identity = config.defaultContext();
        current.set(new RequestContext(ids.requestId(), ids.globalRequestId(), identity.userId(),
                identity.projectId(), identity.roles()));
    }
}
