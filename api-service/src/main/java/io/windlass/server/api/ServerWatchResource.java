package io.windlass.server.api;

import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.microversion.RequestedApiVersion;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.OsloBoolean;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import io.windlass.context.RequestContext;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.server.policy.ServerPolicy;
import io.windlass.server.service.ServerService;
import io.windlass.watch.LastEventId;
import io.windlass.watch.WatchScope;
import io.windlass.watch.WatchStreams;
import io.windlass.watch.WorkloadKind;
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

/**
 * {@code GET /v2.1/servers?watch=true} (and {@code /servers/detail?watch=true}) and
 * {@code /v2.1/servers/{id}?watch=true} (io.windlass.watch.WatchRoutes routes them here;
 * docs/api-watch.md). The host is shown to those the extended-attributes policy lets see it.
 */
@Path("/compute/v2.1/watch/servers")
public class ServerWatchResource {
    private final ServerService service;
    private final ServerPolicy policy;
    private final CurrentRequestContext context;
    private final RequestValidator validator;
    private final RequestedApiVersion version;
    private final WatchStreams streams;

    public ServerWatchResource(ServerService service, ServerPolicy policy, CurrentRequestContext context,
                               RequestValidator validator, RequestedApiVersion version, WatchStreams streams) {
        this.service = service;
        this.policy = policy;
        this.context = context;
        this.validator = validator;
        this.version = version;
        this.streams = streams;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void list(@Context UriInfo uri, @HeaderParam("Last-Event-ID") String lastEventId,
                     @Context SseEventSink sink, @Context Sse sse) {
        watchList(false, uri, lastEventId, sink, sse);
    }

    @GET
    @Path("/detail")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void detail(@Context UriInfo uri, @HeaderParam("Last-Event-ID") String lastEventId,
                       @Context SseEventSink sink, @Context Sse sse) {
        watchList(true, uri, lastEventId, sink, sse);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void one(@PathParam("id") String id, @Context UriInfo uri,
                    @HeaderParam("Last-Event-ID") String lastEventId, @Context SseEventSink sink, @Context Sse sse) {
        RequestContext caller = context.get();
        Long from = LastEventId.parse(lastEventId);
        query(uri);
        ServerEntity server = service.show(caller, id);
        streams.open(WatchScope.one(WorkloadKind.SERVER, server.uuid), streams.nova(),
                p -> policy.allows(ServerPolicy.EXTENDED_ATTRIBUTES, caller, p), from, sink, sse);
    }

    /** As the list and the detailed list authorise: their own rule, all_tenants its own. */
    private void watchList(boolean detail, UriInfo uri, String lastEventId, SseEventSink sink, Sse sse) {
        RequestContext caller = context.get();
        Long from = LastEventId.parse(lastEventId);
        RequestFields q = query(uri);
        policy.authorize(detail ? ServerPolicy.DETAIL : ServerPolicy.INDEX, caller, caller.projectId());
        String project = caller.projectId();
        // as the list: all_tenants with any value but a false one, then every project or the one named
        if (q.has("all_tenants") && OsloBoolean.parse(q.text("all_tenants")).orElse(true)) {
            policy.authorize(detail ? ServerPolicy.DETAIL_ALL_TENANTS : ServerPolicy.INDEX_ALL_TENANTS, caller,
                    caller.projectId());
            project = q.has("project_id") ? q.text("project_id") : q.text("tenant_id");
        }
        streams.open(new WatchScope(WorkloadKind.SERVER, project, null), streams.nova(),
                p -> policy.allows(ServerPolicy.EXTENDED_ATTRIBUTES, caller, p), from, sink, sse);
    }

    private RequestFields query(UriInfo uri) {
        return validator.query(ApiFamily.NOVA, "compute/servers/watch-query", version.get(), uri.getQueryParameters());
    }
}
