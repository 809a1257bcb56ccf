package io.windlass.host.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.compute.api.ComputeApiVersions;
import io.windlass.compute.api.ComputeInput;
import io.windlass.compute.api.RequestedComputeVersion;
import io.windlass.compute.policy.ComputePolicy;
import io.windlass.host.service.ComputeService;
import io.windlass.host.service.ComputeServices;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Nova's {@code /v2.1/os-services} for the compute hosts (binary {@code nova-compute}). From
 * 2.53 services are addressed by uuid and updated with {@code PUT /os-services/{id}}; before,
 * with the {@code enable}/{@code disable}/{@code disable-log-reason} action URLs.
 */
@Path("/compute/v2.1/os-services")
@Produces(MediaType.APPLICATION_JSON)
public class ServicesResource {
    private static final Set<String> LEGACY_ACTIONS = Set.of("enable", "disable", "disable-log-reason");

    private final ComputeServices services;
    private final ComputePolicy policy;
    private final CurrentRequestContext context;
    private final RequestedComputeVersion version;

    public ServicesResource(ComputeServices services, ComputePolicy policy, CurrentRequestContext context,
                            RequestedComputeVersion version) {
        this.services = services;
        this.policy = policy;
        this.context = context;
        this.version = version;
    }

    @GET
    public Map<String, Object> list(@QueryParam("host") String host, @QueryParam("binary") String binary) {
        policy.authorize(ComputePolicy.SERVICES_LIST, context.get());
        List<Map<String, Object>> views = services.list().stream()
                .filter(s -> host == null || host.equals(s.host().host()))
                .filter(s -> binary == null || binary.equals(ComputeService.BINARY))
                .map(this::view).toList();
        return Map.of("services", views);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(@PathParam("id") String id, JsonNode body) {
        policy.authorize(ComputePolicy.SERVICES_UPDATE, context.get());
        if (!version.isAtLeast(ComputeApiVersions.SERVICE_UUIDS)) {
            return legacyAction(id, body);
        }
        UUID uuid = parseUuid(id);
        ComputeService service = services.byUuid(uuid).orElseThrow(() ->
                new ResourceNotFoundException("ServiceNotFound", "Service " + id + " could not be found."));
        if (body == null || !body.isObject()) {
            throw ComputeInput.badRequest("Malformed request body");
        }
        for (var names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!Set.of("status", "disabled_reason", "forced_down").contains(name)) {
                throw ComputeInput.invalid(name, body, "Additional properties are not allowed ('" + name
                        + "' was unexpected)");
            }
        }
        JsonNode status = body.get("status");
        if (status == null) {
            throw new InvalidInputException("BadRequest", "No updates were requested. Fields 'status' or "
                    + "'forced_down' should be specified.");
        }
        if (!status.isTextual() || !Set.of("enabled", "disabled").contains(status.textValue())) {
            throw ComputeInput.invalid("status", status, status + " is not one of ['enabled', 'disabled']");
        }
        boolean disable = status.textValue().equals("disabled");
        String reason = reason(body);
        if (!disable && reason != null) {
            throw new InvalidInputException("BadRequest",
                    "Specifying 'disabled_reason' with status 'enabled' is invalid.");
        }
        return Map.of("service", view(services.setStatus(service.host().host(), disable, reason)));
    }

    /** Before 2.53: {@code PUT /os-services/disable} with {@code {"host", "binary"}}. */
    private Map<String, Object> legacyAction(String action, JsonNode body) {
        if (!LEGACY_ACTIONS.contains(action)) {
            throw new ResourceNotFoundException("NotFound", "Unknown action");
        }
        if (body == null || !body.isObject() || !body.path("host").isTextual() || !body.path("binary").isTextual()) {
            throw ComputeInput.invalid("host, binary", body, "'host' and 'binary' are required strings");
        }
        String binary = body.get("binary").textValue();
        if (!binary.equals(ComputeService.BINARY)) {
            throw new ResourceNotFoundException("HostBinaryNotFound", "Compute host " + body.get("host").textValue()
                    + " could not be found for binary " + binary + ".");
        }
        boolean disable = !action.equals("enable");
        String reason = action.equals("disable-log-reason") ? reason(body) : null;
        ComputeService updated = services.setStatus(body.get("host").textValue(), disable, reason);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("host", updated.host().host());
        view.put("binary", ComputeService.BINARY);
        view.put("status", disable ? "disabled" : "enabled");
        if (reason != null) {
            view.put("disabled_reason", reason);
        }
        return Map.of("service", view);
    }

    private static String reason(JsonNode body) {
        JsonNode reason = body.get("disabled_reason");
        if (reason == null || reason.isNull()) {
            return null;
        }
        if (!reason.isTextual() || reason.textValue().isEmpty() || reason.textValue().length() > 255) {
            throw ComputeInput.invalid("disabled_reason", reason, "must be a string of 1 to 255 characters");
        }
        return reason.textValue();
    }

    private static UUID parseUuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("BadRequest", "Invalid uuid " + id);
        }
    }

    private Map<String, Object> view(ComputeService service) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", version.isAtLeast(ComputeApiVersions.SERVICE_UUIDS) ? service.uuid().toString()
                : service.host().id());
        view.put("binary", ComputeService.BINARY);
        view.put("host", service.host().host());
        view.put("zone", service.zone());
        view.put("status", service.host().disabled() ? "disabled" : "enabled");
        view.put("state", service.up() ? "up" : "down");
        view.put("updated_at", service.host().updatedAt());
        view.put("disabled_reason", service.host().disabledReason());
        if (version.isAtLeast(ComputeApiVersions.SERVICE_FORCED_DOWN)) {
            view.put("forced_down", false);
        }
        return view;
    }
}
