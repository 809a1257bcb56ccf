package io.windlass.watch;

import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.context.RequestContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.UUID;

/**
 * The shell of every watch ({@link WatchRoutes} routes {@code ?watch=true} here; docs/api-watch.md):
 * the {@code Last-Event-ID} checked first, so that a malformed one is a 400 and never a half-open
 * stream, the query validated by the kind's schema, then the list's or the show's own rule, then the
 * changes as server-sent events. A kind's resource says only its rules.
 */
public abstract class WorkloadWatchResource {
    private final WorkloadKind kind;
    private final ApiFamily family;
    private final String querySchema;
    private final WatchFormat format;
    private final WatchRequestParts requests;

    protected WorkloadWatchResource(WorkloadKind kind, ApiFamily family, String querySchema, WatchFormat format,
                                    WatchRequestParts requests) {
        this.kind = kind;
        this.family = family;
        this.querySchema = querySchema;
        this.format = format;
        this.requests = requests;
    }

    /**
     * The list's authorisation for this caller and query.
     *
     * @param detail the list asked is the detailed one (servers' {@code /detail}), which has its own rules
     * @return the project watched, or null for every project
     */
    protected abstract String listedProject(RequestContext caller, RequestFields query, boolean detail);

    /** The show's lookup, its policy and its 404 included: the workload watched. */
    protected abstract UUID shown(RequestContext caller, String ident, RequestFields query);

    /** Whether the caller's policy shows the host of a workload of {@code project}. */
    protected abstract boolean showsHostOf(RequestContext caller, String project);

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void list(@Context UriInfo uri, @HeaderParam("Last-Event-ID") String lastEventId,
                     @Context SseEventSink sink, @Context Sse sse) {
        watchList(false, uri, lastEventId, sink, sse);
    }

    @GET
    @Path("/{ident}")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void one(@PathParam("ident") String ident, @Context UriInfo uri,
                    @HeaderParam("Last-Event-ID") String lastEventId, @Context SseEventSink sink, @Context Sse sse) {
        RequestContext caller = requests.caller();
        Long from = LastEventId.parse(lastEventId);
        UUID uuid = shown(caller, ident, query(uri));
        open(WatchScope.one(kind, uuid), caller, from, sink, sse);
    }

    protected void watchList(boolean detail, UriInfo uri, String lastEventId, SseEventSink sink, Sse sse) {
        RequestContext caller = requests.caller();
        Long from = LastEventId.parse(lastEventId);
        String project = listedProject(caller, query(uri), detail);
        open(WatchScope.project(kind, project), caller, from, sink, sse);
    }

    private RequestFields query(UriInfo uri) {
        return requests.query(family, querySchema, uri);
    }

    private void open(WatchScope scope, RequestContext caller, Long from, SseEventSink sink, Sse sse) {
        requests.streams().open(scope, format, project -> showsHostOf(caller, project), from, sink, sse);
    }
}
