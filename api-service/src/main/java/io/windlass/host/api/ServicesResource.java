package io.windlass.host.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.compute.api.ComputeApiVersions;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
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
    private final RequestValidator validator;

    public ServicesResource(ComputeServices services, ComputePolicy policy, CurrentRequestContext context,
                            RequestedComputeVersion version, RequestValidator validator) {
        this.services = services;
        this.policy = policy;
        this.context = context;
        this.version = version;
        this.validator = validator;
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
        RequestFields update = validator.body(ApiFamily.NOVA, "compute/services/update", version.get(), body);
        if (!update.has("status")) {
            throw InvalidInputException.badRequest("No updates were requested. Fields 'status' or "
                    + "'forced_down' should be specified.");
        }
        boolean disable = update.text("status").equals("disabled");
        String reason = update.text("disabled_reason");
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
        RequestFields given = validator.body(ApiFamily.NOVA, "compute/services/legacy-action", version.get(), body);
        String binary = given.text("binary");
        if (!binary.equals(ComputeService.BINARY)) {
            throw new ResourceNotFoundException("HostBinaryNotFound", "Compute host " + given.text("host")
                    + " could not be found for binary " + binary + ".");
        }
        boolean disable = !action.equals("enable");
        String reason = action.equals("disable-log-reason") ? given.text("disabled_reason") : null;
        ComputeService updated = services.setStatus(given.text("host"), disable, reason);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("host", updated.host().host());
        view.put("binary", ComputeService.BINARY);
        view.put("status", disable ? "disabled" : "enabled");
        if (reason != null) {
            view.put("disabled_reason", reason);
        }
        return Map.of("service", view);
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
