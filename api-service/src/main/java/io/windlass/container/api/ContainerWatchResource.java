package io.windlass.container.api;

import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.microversion.RequestedApiVersion;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.container.policy.ContainerPolicy;
import io.windlass.container.service.ContainerService;
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
 * {@code GET /v1/containers?watch=true} and {@code /v1/containers/{ident}?watch=true}
 * (io.windlass.watch.WatchRoutes routes them here; docs/api-watch.md): the list's and the show's
 * policy, then their changes as server-sent events.
 */
@Path("/container/v1/watch/containers")
public class ContainerWatchResource {
    private final ContainerService service;
    private final ContainerPolicy policy;
    private final CurrentRequestContext context;
    private final RequestValidator validator;
    private final RequestedApiVersion version;
    private final WatchStreams streams;

    public ContainerWatchResource(ContainerService service, ContainerPolicy policy, CurrentRequestContext context,
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
        boolean allProjects = query(uri).bool("all_projects", false);
        policy.authorize(ContainerPolicy.GET_ALL, caller, caller.projectId());
        if (allProjects) {
            policy.authorize(ContainerPolicy.GET_ALL_ALL_PROJECTS, caller, caller.projectId());
        }
        WatchScope scope = new WatchScope(WorkloadKind.CONTAINER, allProjects ? null : caller.projectId(), null);
        streams.open(scope, streams.zun(), project -> policy.allows(ContainerPolicy.GET_ONE_HOST, caller, project),
                from, sink, sse);
    }

    @GET
    @Path("/{ident}")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void one(@PathParam("ident") String ident, @Context UriInfo uri,
                    @HeaderParam("Last-Event-ID") String lastEventId, @Context SseEventSink sink, @Context Sse sse) {
        RequestContext caller = context.get();
        Long from = LastEventId.parse(lastEventId);
        ContainerEntity c = service.show(caller, ident, query(uri).bool("all_projects", false));
        streams.open(WatchScope.one(WorkloadKind.CONTAINER, c.uuid), streams.zun(),
                project -> policy.allows(ContainerPolicy.GET_ONE_HOST, caller, project), from, sink, sse);
    }

    private RequestFields query(UriInfo uri) {
        return validator.query(ApiFamily.ZUN, "container/containers/watch-query", version.get(),
                uri.getQueryParameters());
    }
}
