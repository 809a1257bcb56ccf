package io.windlass.watch;

import io.windlass.api.validation.OsloBoolean;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriBuilder;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ?watch=true} on a list or a show of containers, capsules or servers turns the request
 * into a watch: before matching, it is routed to the family's watch resource
 * ({@code …/watch/containers[/{ident}]}), so the lists and shows stay as they are and a watch
 * goes through the same authentication, microversion and error handling as they do. Any other
 * value of {@code watch} is left to the list's own query validation.
 */
public class WatchRoutes {
    // a list (servers also as /servers/detail) or one workload, with or without a trailing slash
    private static final Pattern WATCHABLE = Pattern.compile(
            "^/(container/v1|compute/v2\\.1)/(containers|capsules|servers)(/[^/]+)?/?$");

    // after the project segment (190) and bookmarks (150) were routed to the plain form
    @ServerRequestFilter(preMatching = true, priority = 195)
    public void route(ContainerRequestContext request) {
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        // every GET passes here: parse nothing unless the query may name watch
        if (!"GET".equals(request.getMethod()) || query == null || !query.contains("watch")) {
            return;
        }
        String path = request.getUriInfo().getPath();
        String routed = watchPath(path, request.getUriInfo().getQueryParameters().get("watch"));
        if (routed != null) {
            request.setRequestUri(UriBuilder.fromUri(request.getUriInfo().getRequestUri()).replacePath(routed).build());
        }
    }

    /** The watch resource's path for this request, or null when it is no watch. */
    static String watchPath(String path, List<String> watch) {
        if (watch == null || watch.size() != 1 || !OsloBoolean.parse(watch.getFirst()).orElse(false)) {
            return null;
        }
        Matcher m = WATCHABLE.matcher(path);
        if (!m.matches() || m.group(1).equals("compute/v2.1") != m.group(2).equals("servers")) {
            return null;
        }
        // servers' /detail stays: its watch is authorised by the detail rules, as the list is
        String one = m.group(3) == null ? "" : m.group(3);
        return "/" + m.group(1) + "/watch/" + m.group(2) + one;
    }
}
