package io.windlass.router.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.windlass.networking.NeutronCollectionResource;
import io.windlass.networking.NeutronErrorFormat;
import io.windlass.networking.NeutronListing;
import io.windlass.networking.NeutronRequests;
import io.windlass.router.persistence.RouterRecord;
import io.windlass.router.service.RouterService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Neutron's {@code /v2.0/routers} with {@code add_router_interface}/{@code remove_router_interface}. */
@Path(NeutronErrorFormat.PREFIX + "/v2.0/routers")
@Produces(MediaType.APPLICATION_JSON)
public class RoutersResource extends NeutronCollectionResource<RouterRecord> {
    private final RouterService service;
    private final NeutronRequests requests;

    public RoutersResource(RouterService service, NeutronRequests requests, NeutronListing listing) {
        super(service, requests, listing, new Keys<>("routers", "router", "network/routers", RouterRecord::id));
        this.service = service;
        this.requests = requests;
    }

    /** The body is the interface itself, not wrapped in a member. */
    @PUT
    @Path("/{id}/add_router_interface")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> addInterface(@PathParam("id") String id, JsonNode body) {
        return service.addInterface(id, requests.body("network/routers/interface", "router_interface",
                wrapped(body)));
    }

    @PUT
    @Path("/{id}/remove_router_interface")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> removeInterface(@PathParam("id") String id, JsonNode body) {
        return service.removeInterface(id, requests.body("network/routers/interface", "router_interface",
                wrapped(body)));
    }

    private static JsonNode wrapped(JsonNode body) {
        ObjectNode outer = JsonNodeFactory.instance.objectNode();
        outer.set("router_interface", body);
        return outer;
    }

    @Override
    protected Map<String, Object> view(RouterRecord r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", r.id());
        v.put("name", r.name());
        v.put("tenant_id", r.projectId());
        v.put("admin_state_up", r.adminStateUp());
        v.put("status", "ACTIVE");
        v.put("external_gateway_info", null);
        v.put("description", r.description());
        v.put("availability_zones", List.of());
        v.put("availability_zone_hints", List.of());
        v.put("routes", List.of());
        v.put("flavor_id", null);
        v.put("tags", List.of());
        v.put("created_at", r.createdAt());
        v.put("updated_at", r.updatedAt());
        v.put("revision_number", r.revisionNumber());
        v.put("project_id", r.projectId());
        return v;
    }
}
