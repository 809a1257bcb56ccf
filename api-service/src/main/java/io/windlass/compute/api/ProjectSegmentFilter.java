package io.windlass.compute.api;

import io.windlass.api.context.CurrentRequestContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.regex.Pattern;

/**
 * Nova serves every v2.1 route with and without a {@code /{project_id}} segment. This filter
 * checks the segment against the caller's project and routes the request to the plain form,
 * so resources are written once.
 */
public class ProjectSegmentFilter {
    private static final Logger LOG = Logger.getLogger(ProjectSegmentFilter.class);
    private static final String PREFIX = "/compute/v2.1/";
    // Nova's route pattern for the segment; the configured project is accepted too because
    // the default project ("default") does not fit it
    private static final Pattern PROJECT_ID = Pattern.compile("[0-9a-f-]+");

    private final CurrentRequestContext context;

    public ProjectSegmentFilter(CurrentRequestContext context) {
        this.context = context;
    }

    // after the request context (100), before microversion negotiation (200)
    @ServerRequestFilter(preMatching = true, priority = 190)
    public Response reroute(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith(PREFIX)) {
            return null;
        }
        String rest = path.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return null;
        }
        String segment = rest.substring(0, slash);
        String callerProject = context.get().projectId();
        boolean isProject = segment.equals(callerProject) || PROJECT_ID.matcher(segment).matches();
        if (!isProject) {
            return null;
        }
        if (!segment.equals(callerProject)) {
            String message = "Malformed request URL: URL's project_id '" + segment
                    + "' doesn't match Context's project_id '" + callerProject + "'";
            LOG.infof("400: %s", message);
            return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(NovaFaultFormat.fault(400, message)).build();
        }
        request.setRequestUri(UriBuilder.fromUri(request.getUriInfo().getRequestUri())
                .replacePath(PREFIX + rest.substring(slash + 1)).build());
        return null;
    }
}
