package io.windlass.host.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.error.InvalidInputException;
import io.windlass.container.policy.ContainerPolicy;
import io.windlass.host.service.ComputeService;
import io.windlass.host.service.ComputeServices;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Zun's {@code /v1/services} ({@code zun_services.py}), admins only: each compute host's agent as
 * Zun's {@code zun-compute} service, up or down by its heartbeat, and enabled or disabled for
 * scheduling (the same switch as Nova's os-services). A Windlass host counts no reports, so
 * {@code report_count} is 0; {@code forced_down} is never set.
 */
@Path("/container/v1/services")
@Produces(MediaType.APPLICATION_JSON)
public class ZunServicesResource {
    static final String BINARY = "zun-compute";

    private final ComputeServices services;
    private final ContainerPolicy policy;
    private final CurrentRequestContext context;

    public ZunServicesResource(ComputeServices services, ContainerPolicy policy, CurrentRequestContext context) {
        this.services = services;
        this.policy = policy;
        this.context = context;
    }

    @GET
    public Map<String, Object> list() {
        policy.authorize(ContainerPolicy.SERVICE_GET_ALL, context.get(), context.get().projectId());
        return Map.of("services", services.list().stream().map(ZunServicesResource::view).toList());
    }

    /** {@code PUT /services/enable} or {@code /services/disable} with {@code {"host", "binary"[, "disabled_reason"]}}. */
    @PUT
    @Path("/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(@PathParam("action") String action, JsonNode body) {
        boolean disable = switch (action) {
            case "enable" -> false;
            case "disable" -> true;
            default -> throw InvalidInputException.badRequest("Unknown action " + action
                    + ": enable or disable (force_down is not supported).");
        };
        policy.authorize(disable ? ContainerPolicy.SERVICE_DISABLE : ContainerPolicy.SERVICE_ENABLE, context.get(),
                context.get().projectId());
        String host = body == null ? "" : body.path("host").asText("");
        String binary = body == null ? "" : body.path("binary").asText("");
        if (host.isEmpty() || !BINARY.equals(binary)) {
            throw InvalidInputException.badRequest("Invalid service: host and binary " + BINARY + " are required.");
        }
        String reason = disable && body.hasNonNull("disabled_reason") ? body.get("disabled_reason").asText() : null;
        ComputeService updated = services.setStatus(host, disable, reason);
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("host", updated.host().host());
        service.put("binary", BINARY);
        service.put("disabled", updated.host().disabled());
        service.put("disabled_reason", updated.host().disabledReason());
        return Map.of("service", service);
    }

    /** {@code services_view.format_service}. */
    private static Map<String, Object> view(ComputeService s) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", s.host().id());
        view.put("host", s.host().host());
        view.put("binary", BINARY);
        view.put("state", s.up() ? "up" : "down");
        view.put("disabled", s.host().disabled());
        view.put("disabled_reason", s.host().disabledReason());
        view.put("forced_down", false);
        view.put("report_count", 0);
        view.put("availability_zone", s.zone());
        view.put("created_at", null);
        view.put("updated_at", s.host().updatedAt());
        view.put("last_seen_up", s.host().updatedAt());
        return view;
    }
}
