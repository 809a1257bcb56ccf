package io.windlass.server.api;

import io.windlass.action.ActionLog;
import io.windlass.action.persistence.WorkloadActionEntity;
import io.windlass.action.persistence.WorkloadActionEventEntity;
import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.api.microversion.ApiVersion;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import io.windlass.compute.api.ComputeApiVersions;
import io.windlass.compute.api.ComputeLinks;
import io.windlass.compute.api.ComputePagination;
import io.windlass.compute.api.RequestedComputeVersion;
import io.windlass.context.RequestContext;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.server.policy.ServerPolicy;
import io.windlass.server.service.ServerLookup;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nova's {@code /v2.1/servers/{id}/os-instance-actions} ({@code nova/api/openstack/compute/instance_actions.py}):
 * who asked what of a server and when, each action with the request id it was made under, and its
 * events (the conductor's and the host's steps, with their results). A deleted server's actions
 * are shown from 2.21; paging and {@code changes-since} from 2.58, {@code changes-before} from
 * 2.66; events are admins' before 2.51, the project's after (tracebacks stay admins'); hosts from
 * 2.62 ({@code hostId} for all, {@code host} for admins).
 */
@Path("/compute/v2.1/servers/{id}/os-instance-actions")
@Produces(MediaType.APPLICATION_JSON)
public class InstanceActionsResource {
    private final ActionLog actions;
    private final ServerLookup lookup;
    private final ServerPolicy policy;
    private final RequestValidator validator;
    private final ComputePagination pagination;
    private final ComputeLinks links;
    private final CurrentRequestContext context;
    private final RequestedComputeVersion version;

    public InstanceActionsResource(ActionLog actions, ServerLookup lookup, ServerPolicy policy,
                                   RequestValidator validator, ComputePagination pagination, ComputeLinks links,
                                   CurrentRequestContext context, RequestedComputeVersion version) {
        this.actions = actions;
        this.lookup = lookup;
        this.policy = policy;
        this.validator = validator;
        this.pagination = pagination;
        this.links = links;
        this.context = context;
        this.version = version;
    }

    @GET
    public Map<String, Object> index(@PathParam("id") String id, @Context UriInfo uri) {
        ServerEntity server = server(id, ServerPolicy.INSTANCE_ACTIONS_LIST);
        var query = uri.getQueryParameters();
        RequestFields given = validator.query(ApiFamily.NOVA, "compute/servers/instance-actions-query", version.get(),
                query);
        boolean paged = version.isAtLeast(ComputeApiVersions.ACTIONS_PAGING);
        Instant since = paged ? time(given.text("changes-since")) : null;
        Instant before = paged ? time(given.text("changes-before")) : null;
        if (since != null && before != null && before.isBefore(since)) {
            throw InvalidInputException.badRequest("The value of changes-since must be less than or equal to "
                    + "changes-before.");
        }
        int limit = pagination.limit(paged ? given.text("limit") : null);
        WorkloadActionEntity after = null;
        String marker = paged ? given.text("marker") : null;
        if (marker != null) {
            after = actions.find(server.uuid, marker).orElseThrow(() ->
                    InvalidInputException.badRequest("Marker " + marker + " could not be found."));
        }
        List<WorkloadActionEntity> page = actions.page(server.uuid, since, before, after, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("instanceActions", page.stream().map(a -> action(a, version.get())).toList());
        if (paged) {
            List<Map<String, String>> next = pagination.links(links.versioned() + "/servers/" + id
                    + "/os-instance-actions", query, page.size(), limit, page.isEmpty() ? null
                    : page.getLast().requestId);
            if (!next.isEmpty()) {
                body.put("links", next);
            }
        }
        return body;
    }

    @GET
    @Path("/{requestId}")
    public Map<String, Object> show(@PathParam("id") String id, @PathParam("requestId") String requestId) {
        ServerEntity server = server(id, ServerPolicy.INSTANCE_ACTIONS_SHOW);
        RequestContext caller = context.get();
        ApiVersion v = version.get();
        WorkloadActionEntity action = actions.find(server.uuid, requestId).orElseThrow(() ->
                new ResourceNotFoundException("InstanceActionNotFound", "Action " + requestId + " not found"));
        Map<String, Object> body = action(action, v);
        boolean admin = policy.allows(ServerPolicy.INSTANCE_ACTIONS_EVENTS, caller, server.projectId);
        if (admin || v.isAtLeast(ComputeApiVersions.ACTION_EVENTS_FOR_PROJECT)) {
            boolean details = v.isAtLeast(ComputeApiVersions.ACTION_EVENT_DETAILS)
                    && policy.allows(ServerPolicy.INSTANCE_ACTIONS_EVENTS_DETAILS, caller, server.projectId);
            String project = action.projectId != null ? action.projectId : server.projectId;
            body.put("events", actions.events(action).stream().map(e -> event(e, project, admin, details, v))
                    .toList());
        }
        return Map.of("instanceAction", body);
    }

    private ServerEntity server(String id, String rule) {
        RequestContext caller = context.get();
        return version.isAtLeast(ComputeApiVersions.ACTIONS_OF_DELETED)
                ? lookup.authorizedEvenDeleted(caller, id, rule) : lookup.authorized(caller, id, rule);
    }

    private static Map<String, Object> action(WorkloadActionEntity a, ApiVersion v) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("action", a.action);
        out.put("instance_uuid", a.workloadUuid.toString());
        out.put("request_id", a.requestId);
        out.put("user_id", a.userId);
        out.put("project_id", a.projectId);
        out.put("start_time", ActionLog.TIME.format(a.startTime));
        out.put("message", a.message);
        if (v.isAtLeast(ComputeApiVersions.ACTIONS_PAGING)) {
            out.put("updated_at", ActionLog.TIME.format(a.updatedAt));
        }
        return out;
    }

    private static Map<String, Object> event(WorkloadActionEventEntity e, String projectId, boolean admin,
                                             boolean details, ApiVersion v) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("event", e.event);
        out.put("start_time", ActionLog.TIME.format(e.startTime));
        out.put("finish_time", e.finishTime == null ? null : ActionLog.TIME.format(e.finishTime));
        out.put("result", e.result);
        if (admin) {
            out.put("traceback", e.traceback);
        }
        if (v.isAtLeast(ComputeApiVersions.ACTION_EVENT_HOST)) {
            if (admin) {
                out.put("host", e.host);
            }
            out.put("hostId", ServerViews.hostId(projectId, e.host));
        }
        if (details) {
            // Nova's details say more than the traceback only for some libvirt faults; here the reason is the traceback
            out.put("details", e.traceback);
        }
        return out;
    }

    private static Instant time(String text) {
        return text == null ? null : ServerRequests.timestamp(text).toInstant();
    }
}
