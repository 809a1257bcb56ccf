package io.windlass.flavor.api;

import io.windlass.api.context.CurrentRequestContext;
import io.windlass.flavor.service.FlavorService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

/** Nova's {@code GET /flavors/{id}/os-flavor-access}: the projects that may use a private flavor. */
@Path("/compute/v2.1/flavors/{flavor_id}/os-flavor-access")
@Produces(MediaType.APPLICATION_JSON)
public class FlavorAccessResource {
    private final FlavorService service;
    private final CurrentRequestContext context;

    public FlavorAccessResource(FlavorService service, CurrentRequestContext context) {
        this.service = service;
        this.context = context;
    }

    @GET
    public Map<String, Object> list(@PathParam("flavor_id") String flavorId) {
        return view(flavorId, service.accessList(context.get(), flavorId));
    }

    /** {@code {"flavor_access": [{"flavor_id", "tenant_id"}, ...]}}. */
    static Map<String, Object> view(String flavorId, List<String> projects) {
        return Map.of("flavor_access", projects.stream()
                .map(p -> Map.of("flavor_id", flavorId, "tenant_id", p)).toList());
    }
}
