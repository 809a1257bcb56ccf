package io.windlass.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestValidator;
import io.windlass.compute.api.RequestedComputeVersion;
import io.windlass.context.RequestContext;
import io.windlass.server.policy.ServerPolicy;
import io.windlass.server.service.ServerExternalEvent;
import io.windlass.server.service.ServerExternalEvents;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nova's {@code POST /v2.1/os-server-external-events} ({@code server_external_events.py}): 200 when
 * every event was taken, 207 when some were not (each says why in its {@code code}), 404 when none was.
 */
@Path("/compute/v2.1/os-server-external-events")
@Produces(MediaType.APPLICATION_JSON)
public class ServerExternalEventsResource {
    private final ServerExternalEvents events;
    private final ServerPolicy policy;
    private final CurrentRequestContext context;
    private final RequestedComputeVersion version;
    private final RequestValidator validator;

    public ServerExternalEventsResource(ServerExternalEvents events, ServerPolicy policy, CurrentRequestContext context,
                                       RequestedComputeVersion version, RequestValidator validator) {
        this.events = events;
        this.policy = policy;
        this.context = context;
        this.version = version;
        this.validator = validator;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body) {
        RequestContext caller = context.get();
        policy.authorize(ServerPolicy.EXTERNAL_EVENTS_CREATE, caller, caller.projectId());
        List<ServerExternalEvent> received = validator.body(ApiFamily.NOVA, "compute/server-external-events/create",
                version.get(), body).items("events").map(e -> ServerExternalEvent.received(e.text("server_uuid"),
                e.text("name"), e.text("status"), e.text("tag"))).toList();
        List<ServerExternalEvent> decided = events.create(received);
        int status = decided.stream().allMatch(ServerExternalEvent::accepted) ? 200 : 207;
        return Response.status(status).entity(Map.of("events", decided.stream().map(ServerExternalEventsResource::view)
                .toList())).build();
    }

    private static Map<String, Object> view(ServerExternalEvent event) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("server_uuid", event.serverUuid());
        view.put("name", event.name());
        view.put("status", event.status());
        if (event.tag() != null) {
            view.put("tag", event.tag());
        }
        view.put("code", event.code());
        return view;
    }
}
