package io.windlass.compute.api;

import io.windlass.api.config.ApiConfig;
import io.windlass.api.context.CurrentRequestContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.regex.Pattern;

/**
 * Nova serves every v2.1 route with and without a {@code /{project_id}} segment. Before
 * matching, this filter routes the request to the plain form (so resources are written
 * once) and remembers the segment; after authentication it checks the segment against the
 * caller's project. Two steps because the caller is only known once the token was validated,
 * which happens after matching.
 */
public class ProjectSegmentFilter {
    private static final Logger LOG = Logger.getLogger(ProjectSegmentFilter.class);
    private static final String PREFIX = "/compute/v2.1/";
    private static final String URL_PROJECT = ProjectSegmentFilter.class.getName() + ".project";
    // Nova's route pattern for the segment; the development default project ("default") does
    // not fit it, so it is accepted by name
    private static final Pattern PROJECT_ID = Pattern.compile("[0-9a-f-]+");

    private final CurrentRequestContext context;
    private final UrlProjectSegment urlProject;
    private final String defaultProject;

    public ProjectSegmentFilter(CurrentRequestContext context, UrlProjectSegment urlProject, ApiConfig config) {
        this.context = context;
        this.urlProject = urlProject;
        this.defaultProject = config.defaultContext().projectId();
    }

    // before microversion negotiation (200)
    @ServerRequestFilter(preMatching = true, priority = 190)
    public void reroute(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith(PREFIX)) {
            return;
        }
        String rest = path.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return;
        }
        String segment = rest.substring(0, slash);
        if (!segment.equals(defaultProject) && !PROJECT_ID.matcher(segment).matches()) {
            return;
        }
        request.setProperty(URL_PROJECT, segment);
        urlProject.set(segment);
        request.setRequestUri(UriBuilder.fromUri(request.getUriInfo().getRequestUri())
                .replacePath(PREFIX + rest.substring(slash + 1)).build());
    }

    // after the request context is established (100)
    @ServerRequestFilter(priority = 150)
    public Response checkProject(ContainerRequestContext request) {
        if (!(request.getProperty(URL_PROJECT) instanceof String segment)) {
            return null;
        }
        String callerProject = context.get().projectId();
        if (segment.equals(callerProject)) {
            return null;
        }
        String message = "Malformed request URL: URL's project_id '" + segment
                + "' doesn't match Context's project_id '" + callerProject + "'";
        LOG.infof("400: %s", message);
        return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(NovaFaultFormat.fault(400, message)).build();
    }
}
