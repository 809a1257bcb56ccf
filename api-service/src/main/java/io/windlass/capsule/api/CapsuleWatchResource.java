package io.windlass.capsule.api;

import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.microversion.RequestedApiVersion;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestValidator;
import io.windlass.capsule.persistence.CapsuleEntity;
import io.windlass.capsule.policy.CapsulePolicy;
import io.windlass.capsule.service.CapsuleService;
import io.windlass.context.RequestContext;
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
 * {@code GET /v1/capsules?watch=true} and {@code /v1/capsules/{ident}?watch=true}
 * (io.windlass.watch.WatchRoutes routes them here; docs/api-watch.md).
 */
@Path("/container/v1/watch/capsules")
public class CapsuleWatchResource {
    private final CapsuleService service;
    private final CapsulePolicy policy;
    private final CurrentRequestContext context;
    private final RequestValidator validator;
    private final RequestedApiVersion version;
    private final WatchStreams streams;

    public CapsuleWatchResource(CapsuleService service, CapsulePolicy policy, CurrentRequestContext context,
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
        RequestContext caller = context.get();
        Long from = LastEventId.parse(lastEventId);
        boolean allProjects = validator.query(ApiFamily.ZUN, "container/capsules/watch-query", version.get(),
                uri.getQueryParameters()).bool("all_projects", false);
        policy.authorize(CapsulePolicy.GET_ALL, caller, caller.projectId());
        // as the list: Zun ignores all_projects for non-admins instead of refusing it
        boolean everywhere = allProjects && policy.allows(CapsulePolicy.GET_ALL_ALL_PROJECTS, caller,
                caller.projectId());
        streams.open(new WatchScope(WorkloadKind.CAPSULE, everywhere ? null : caller.projectId(), null),
                streams.zun(), project -> policy.allows(CapsulePolicy.GET_HOST, caller, project), from, sink, sse);
    }

    @GET
    @Path("/{ident}")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void one(@PathParam("ident") String ident, @Context UriInfo uri,
                    @HeaderParam("Last-Event-ID") String lastEventId, @Context SseEventSink sink, @Context Sse sse) {
        RequestContext caller = context.get();
        Long from = LastEventId.parse(lastEventId);
        validator.query(ApiFamily.ZUN, "container/capsules/watch-query", version.get(), uri.getQueryParameters());
        CapsuleEntity c = service.show(caller, ident);
        streams.open(WatchScope.one(WorkloadKind.CAPSULE, c.uuid), streams.zun(),
                project -> policy.allows(CapsulePolicy.GET_HOST, caller, project), from, sink, sse);
    }
}
