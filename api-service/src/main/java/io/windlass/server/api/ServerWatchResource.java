package io.windlass.server.api;

import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.OsloBoolean;
import io.windlass.api.validation.RequestFields;
import io.windlass.context.RequestContext;
import io.windlass.server.policy.ServerPolicy;
import io.windlass.server.service.ServerService;
import io.windlass.watch.WatchRequestParts;
import io.windlass.watch.WorkloadKind;
import io.windlass.watch.WorkloadWatchResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.UUID;

/**
 * {@code GET /v2.1/servers?watch=true} (and {@code /servers/detail?watch=true}) and
 * {@code /v2.1/servers/{id}?watch=true}. The host is shown to those the extended-attributes policy lets see it.
 */
@Path("/compute/v2.1/watch/servers")
public class ServerWatchResource extends WorkloadWatchResource {
    private final ServerService service;
    private final ServerPolicy policy;

    public ServerWatchResource(ServerService service, ServerPolicy policy, WatchRequestParts requests) {
        super(WorkloadKind.SERVER, ApiFamily.NOVA, "compute/servers/watch-query", requests.streams().nova(),
                requests);
        this.service = service;
        this.policy = policy;
    }

    @GET
    @Path("/detail")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void detail(@Context UriInfo uri, @HeaderParam("Last-Event-ID") String lastEventId,
                       @Context SseEventSink sink, @Context Sse sse) {
        watchList(true, uri, lastEventId, sink, sse);
    }

    /**
     * As the list and the detailed list authorise: their own rule, then all_tenants (any value but a false
     * one) its own, and then every project or the one named.
     */
    @Override
    protected String listedProject(RequestContext caller, RequestFields query, boolean detail) {
        policy.authorize(detail ? ServerPolicy.DETAIL : ServerPolicy.INDEX, caller, caller.projectId());
        if (query.has("all_tenants") && OsloBoolean.parse(query.text("all_tenants")).orElse(true)) {
            policy.authorize(detail ? ServerPolicy.DETAIL_ALL_TENANTS : ServerPolicy.INDEX_ALL_TENANTS, caller,
                    caller.projectId());
            return query.has("project_id") ? query.text("project_id") : query.text("tenant_id");
        }
        return caller.projectId();
    }

    @Override
    protected UUID shown(RequestContext caller, String ident, RequestFields query) {
        return service.show(caller, ident).uuid;
    }

    @Override
    protected boolean showsHostOf(RequestContext caller, String project) {
        return policy.allows(ServerPolicy.EXTENDED_ATTRIBUTES, caller, project);
    }
}
