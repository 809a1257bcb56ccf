package io.windlass.api.context;

import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.web.RoutingContext;
import io.windlass.api.auth.AuthConfig;
import io.windlass.api.auth.AuthenticationFailed;
import io.windlass.api.auth.Caller;
import io.windlass.api.auth.KeystoneTokenAuthenticator;
import io.windlass.api.auth.ProtectedPaths;
import io.windlass.api.auth.TokenAuthenticator;
import io.windlass.api.auth.WindlassTokenAuthenticator;
import io.windlass.api.config.ApiConfig;
import io.windlass.api.error.ErrorBodyFormat;
import io.windlass.api.error.ErrorFormats;
import io.windlass.context.RequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;

/**
 * Builds the caller's {@link RequestContext} for every API request from its
 * {@code X-Auth-Token} ({@code windlass.auth.strategy}). A protected path without a valid
 * token is answered 401 in the API's own error format, with {@code WWW-Authenticate}
 * pointing at the identity service, as keystonemiddleware does.
 * <p>
 * Runs after matching (not pre-matching) because validation may block (revocation refresh,
 * an external Keystone) and only then does the request run on a worker thread.
 */
public class RequestContextFilter {
    private static final Logger LOG = Logger.getLogger(RequestContextFilter.class);
    private static final String AUTH_TOKEN = "X-Auth-Token";

    private final ApiConfig config;
    private final AuthConfig auth;
    private final CurrentRequestContext current;
    private final PublicUrl publicUrl;
    private final Instance<WindlassTokenAuthenticator> windlass;
    private final Instance<KeystoneTokenAuthenticator> keystone;
    private final ErrorFormats errorFormats;

    public RequestContextFilter(ApiConfig config, AuthConfig auth, CurrentRequestContext current, PublicUrl publicUrl,
                                Instance<WindlassTokenAuthenticator> windlass,
                                Instance<KeystoneTokenAuthenticator> keystone, ErrorFormats errorFormats) {
        this.config = config;
        this.auth = auth;
        this.current = current;
        this.publicUrl = publicUrl;
        this.windlass = windlass;
        this.keystone = keystone;
        this.errorFormats = errorFormats;
    }

    static void warnIfUnauthenticated(@Observes StartupEvent event, AuthConfig auth) {
        if (auth.strategy() == AuthConfig.Strategy.NOAUTH) {
            Logger.getLogger(RequestContextFilter.class).warn("windlass.auth.strategy=noauth: NO AUTHENTICATION, "
                    + "every request acts as windlass.api.default-context. For development only!");
        }
    }

    @ServerRequestFilter(priority = 100)
    public Response establish(ContainerRequestContext request, RoutingContext routing) {
        RequestIds ids = RequestIdRouteFilter.idsOf(routing);
        if (auth.strategy() == AuthConfig.Strategy.NOAUTH) {
            ApiConfig.DefaultContext identity = config.defaultContext();
            current.set(new RequestContext(ids.requestId(), ids.globalRequestId(), identity.userId(),
                    identity.projectId(), identity.roles()));
            return null;
        }
        String path = request.getUriInfo().getPath();
        String token = request.getHeaderString(AUTH_TOKEN);
        if (!ProtectedPaths.isProtected(path)) {
            // public documents need nobody; /v3/auth/* checks its own tokens (and must not ask an
            // external Keystone, which may be this very service)
            current.set(new RequestContext(ids.requestId(), ids.globalRequestId(), null, null, List.of()));
            return null;
        }
        TokenAuthenticator authenticator = authenticator();
        try {
            if (token == null || token.isBlank()) {
                throw new AuthenticationFailed("The request you have made requires authentication.");
            }
            Caller caller = authenticator.authenticate(token);
            current.set(new RequestContext(ids.requestId(), ids.globalRequestId(), caller.userId(),
                    caller.projectId(), caller.roles()));
            return null;
        } catch (AuthenticationFailed e) {
            LOG.infof("401 for %s %s: %s", request.getMethod(), path, e.getMessage());
            return unauthorized(path, e.getMessage(), authenticator.identityUri(publicUrl.root(routing.request())));
        }
    }

    private TokenAuthenticator authenticator() {
        return auth.strategy() == AuthConfig.Strategy.KEYSTONE ? keystone.get() : windlass.get();
    }

    /** 401 in the error format of the API family the request went to (Zun, Nova, Keystone). */
    private Response unauthorized(String path, String message, String identityUri) {
        ErrorBodyFormat format = errorFormats.forPath(path.startsWith("/") ? path : "/" + path);
        Object body = format.body(401, "NotAuthorized", message);
        return Response.status(401).type(format.mediaType())
                .header("WWW-Authenticate", "Keystone uri=\"" + identityUri + "\"").entity(body).build();
    }
}
