package io.windlass.container.api;

import io.windlass.action.ActionLog;
import io.windlass.action.persistence.WorkloadActionEntity;
import io.windlass.action.persistence.WorkloadActionEventEntity;
import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.api.microversion.ContainerApiVersions;
import io.windlass.api.microversion.RequestedApiVersion;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.container.policy.ContainerPolicy;
import io.windlass.container.service.ContainerLookup;
import io.windlass.context.RequestContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Zun's {@code /v1/containers/{ident}/container_actions} ({@code ContainersActionsController}): who
 * asked what of a container and when, by request id, with the host's steps as events (tracebacks
 * for admins only). {@code finish_time} from 1.33.
 */
@Path("/container/v1/containers/{ident}/container_actions")
@Produces(MediaType.APPLICATION_JSON)
public class ContainerActionsResource {
    private final ActionLog actions;
    private final ContainerLookup lookup;
    private final ContainerPolicy policy;
    private final CurrentRequestContext context;
    private final RequestedApiVersion version;

    public ContainerActionsResource(ActionLog actions, ContainerLookup lookup, ContainerPolicy policy,
                                    CurrentRequestContext context, RequestedApiVersion version) {
        this.actions = actions;
        this.lookup = lookup;
        this.policy = policy;
        this.context = context;
        this.version = version;
    }

    /** Newest first, all of them: Zun's list has no paging. */
    @GET
    public Map<String, Object> list(@PathParam("ident") String ident) {
        ContainerEntity container = container(ident);
        List<Map<String, Object>> list = actions.page(container.uuid, null, null, null, Integer.MAX_VALUE).stream()
                .map(this::action).toList();
        return Map.of("containerActions", list);
    }

    @GET
    @Path("/{requestId}")
    public Map<String, Object> show(@PathParam("ident") String ident, @PathParam("requestId") String requestId) {
        ContainerEntity container = container(ident);
        WorkloadActionEntity action = actions.find(container.uuid, requestId).orElseThrow(() ->
                new ResourceNotFoundException("ResourceNotFound", "Action " + requestId + " could not be found."));
        boolean tracebacks = policy.allows(ContainerPolicy.ACTION_EVENTS, context.get(), container.projectId);
        Map<String, Object> body = action(action);
        body.put("events", actions.events(action).stream().map(e -> event(e, tracebacks)).toList());
        return body;
    }

    private ContainerEntity container(String ident) {
        RequestContext caller = context.get();
        ContainerEntity container = lookup.resolve(caller, ident, false, ContainerPolicy.GET_ONE_ALL_PROJECTS);
        policy.authorize(ContainerPolicy.ACTIONS, caller, container.projectId);
        return container;
    }

    private Map<String, Object> action(WorkloadActionEntity a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("action", a.action);
        out.put("container_uuid", a.workloadUuid.toString());
        out.put("message", a.message);
        out.put("project_id", a.projectId);
        out.put("request_id", a.requestId);
        out.put("start_time", ActionLog.TIME.format(a.startTime));
        if (version.get().isAtLeast(ContainerApiVersions.ACTION_FINISH_TIME)) {
            out.put("finish_time", a.finishTime == null ? null : ActionLog.TIME.format(a.finishTime));
        }
        out.put("user_id", a.userId);
        return out;
    }

    private static Map<String, Object> event(WorkloadActionEventEntity e, boolean traceback) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("event", e.event);
        out.put("finish_time", e.finishTime == null ? null : ActionLog.TIME.format(e.finishTime));
        out.put("result", e.result);
        out.put("start_time", ActionLog.TIME.format(e.startTime));
        // Zun keeps the key and hides its value from non-admins
        out.put("traceback", traceback ? e.traceback : null);
        return out;
    }
}
