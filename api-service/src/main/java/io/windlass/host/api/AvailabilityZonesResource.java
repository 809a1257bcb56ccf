package io.windlass.host.api;

import io.windlass.api.context.CurrentRequestContext;
import io.windlass.compute.policy.ComputePolicy;
import io.windlass.host.service.ComputeService;
import io.windlass.host.service.ComputeServices;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Nova's {@code /v2.1/os-availability-zone}: zones of the compute hosts. A zone is available
 * while at least one of its hosts is enabled, as in Nova.
 */
@Path("/compute/v2.1/os-availability-zone")
@Produces(MediaType.APPLICATION_JSON)
public class AvailabilityZonesResource {
    private final ComputeServices services;
    private final ComputePolicy policy;
    private final CurrentRequestContext context;

    public AvailabilityZonesResource(ComputeServices services, ComputePolicy policy, CurrentRequestContext context) {
        this.services = services;
        this.policy = policy;
        this.context = context;
    }

    @GET
    public Map<String, Object> list() {
        policy.authorize(ComputePolicy.AZ_LIST, context.get());
        return Map.of("availabilityZoneInfo", zones(false));
    }

    @GET
    @Path("/detail")
    public Map<String, Object> detail() {
        policy.authorize(ComputePolicy.AZ_DETAIL, context.get());
        return Map.of("availabilityZoneInfo", zones(true));
    }

    private List<Map<String, Object>> zones(boolean withHosts) {
        Map<String, List<ComputeService>> byZone = new TreeMap<>();
        for (ComputeService service : services.list()) {
            byZone.computeIfAbsent(service.zone(), z -> new ArrayList<>()).add(service);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        byZone.forEach((zone, members) -> {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("zoneName", zone);
            info.put("zoneState", Map.of("available", members.stream().anyMatch(s -> !s.host().disabled())));
            info.put("hosts", withHosts ? hosts(members) : null);
            out.add(info);
        });
        return out;
    }

    private static Map<String, Object> hosts(List<ComputeService> members) {
        Map<String, Object> hosts = new LinkedHashMap<>();
        for (ComputeService s : members) {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("available", s.up());
            state.put("active", !s.host().disabled());
            state.put("updated_at", s.host().updatedAt());
            hosts.put(s.host().host(), Map.of(ComputeService.BINARY, state));
        }
        return hosts;
    }
}
