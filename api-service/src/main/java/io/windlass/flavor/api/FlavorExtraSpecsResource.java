package io.windlass.flavor.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.context.CurrentRequestContext;
import io.windlass.compute.api.RequestedComputeVersion;
import io.windlass.compute.policy.ComputePolicy;
import io.windlass.flavor.service.FlavorService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;
import java.util.TreeMap;

/**
 * Nova's {@code /flavors/{id}/os-extra_specs}. The scheduler matches these against aggregate
 * metadata ({@code aggregate_instance_extra_specs:*}).
 */
@Path("/compute/v2.1/flavors/{flavor_id}/os-extra_specs")
@Produces(MediaType.APPLICATION_JSON)
public class FlavorExtraSpecsResource {
    private final FlavorService service;
    private final FlavorRequests requests;
    private final CurrentRequestContext context;
    private final RequestedComputeVersion version;

    public FlavorExtraSpecsResource(FlavorService service, FlavorRequests requests, CurrentRequestContext context,
                                    RequestedComputeVersion version) {
        this.service = service;
        this.requests = requests;
        this.context = context;
        this.version = version;
    }

    @GET
    public Map<String, Object> list(@PathParam("flavor_id") String flavorId) {
        return Map.of("extra_specs", new TreeMap<>(service.extraSpecs(context.get(), flavorId)));
    }

    /** Merges; answers what was sent. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> create(@PathParam("flavor_id") String flavorId, JsonNode body) {
        Map<String, String> specs = requests.extraSpecs(body, version.get());
        service.mergeExtraSpecs(context.get(), ComputePolicy.FLAVOR_EXTRA_SPECS_CREATE, flavorId, specs);
        return Map.of("extra_specs", specs);
    }

    @GET
    @Path("/{key}")
    public Map<String, String> show(@PathParam("flavor_id") String flavorId, @PathParam("key") String key) {
        return Map.of(key, service.extraSpec(context.get(), flavorId, key));
    }

    @PUT
    @Path("/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, String> update(@PathParam("flavor_id") String flavorId, @PathParam("key") String key,
                                      JsonNode body) {
        Map<String, String> spec = requests.extraSpec(body, key, version.get());
        service.mergeExtraSpecs(context.get(), ComputePolicy.FLAVOR_EXTRA_SPECS_UPDATE, flavorId, spec);
        return spec;
    }

    @DELETE
    @Path("/{key}")
    public Response delete(@PathParam("flavor_id") String flavorId, @PathParam("key") String key) {
        service.deleteExtraSpec(context.get(), flavorId, key);
        // 200 with no body, as Nova answers (its note: it should have been a 204 since v2.1)
        return Response.ok().build();
    }
}
