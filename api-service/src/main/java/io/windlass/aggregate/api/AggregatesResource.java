package io.windlass.aggregate.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.aggregate.persistence.AggregateRecord;
import io.windlass.aggregate.service.AggregateService;
import io.windlass.aggregate.service.ImagePrecache;
import io.windlass.aggregate.service.NewAggregate;
import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestValidator;
import io.windlass.compute.api.ComputeApiVersions;
import io.windlass.compute.api.RequestedComputeVersion;
import io.windlass.compute.policy.ComputePolicy;
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

import java.util.List;
import java.util.Map;

/**
 * Nova's {@code /v2.1/os-aggregates} under the API port's {@code /compute} prefix (the
 * {@code /{project_id}} form is routed here by {@code ProjectSegmentFilter}). Admin-only by default.
 */
@Path("/compute/v2.1/os-aggregates")
@Produces(MediaType.APPLICATION_JSON)
public class AggregatesResource {
    private final AggregateService service;
    private final ImagePrecache precache;
    private final AggregateRequests requests;
    private final RequestValidator validator;
    private final ComputePolicy policy;
    private final CurrentRequestContext context;
    private final RequestedComputeVersion version;

    public AggregatesResource(AggregateService service, ImagePrecache precache, AggregateRequests requests,
                              RequestValidator validator, ComputePolicy policy, CurrentRequestContext context,
                              RequestedComputeVersion version) {
        this.service = service;
        this.precache = precache;
        this.requests = requests;
        this.validator = validator;
        this.policy = policy;
        this.context = context;
        this.version = version;
    }

    @GET
    public Map<String, Object> list() {
        authorize(ComputePolicy.AGGREGATES_INDEX);
        List<Map<String, Object>> views = service.list().stream()
                .map(a -> AggregateView.full(a, version.get())).toList();
        return Map.of("aggregates", views);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> create(JsonNode body) {
        authorize(ComputePolicy.AGGREGATES_CREATE);
        NewAggregate request = validator.body(ApiFamily.NOVA, "compute/aggregates/create", version.get(), body)
                .object("aggregate").as(NewAggregate.class);
        AggregateRecord created = service.create(request.name(), request.availabilityZone());
        return Map.of("aggregate", AggregateView.created(created, version.get()));
    }

    @GET
    @Path("/{id}")
    public Map<String, Object> show(@PathParam("id") String id) {
        authorize(ComputePolicy.AGGREGATES_SHOW);
        return full(service.get(requests.aggregateId(id, version.get())));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(@PathParam("id") String id, JsonNode body) {
        authorize(ComputePolicy.AGGREGATES_UPDATE);
        int aggregateId = requests.aggregateId(id, version.get());
        return full(service.update(aggregateId, requests.update(body, version.get())));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        authorize(ComputePolicy.AGGREGATES_DELETE);
        service.delete(requests.aggregateId(id, version.get()));
        return Response.ok().build();
    }

    @POST
    @Path("/{id}/action")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> action(@PathParam("id") String id, JsonNode body) {
        AggregateAction action = requests.action(body, version.get());
        int aggregateId = requests.aggregateId(id, version.get());
        AggregateRecord result = switch (action) {
            case AggregateAction.AddHost add -> {
                authorize(ComputePolicy.AGGREGATES_ADD_HOST);
                yield service.addHost(aggregateId, add.host());
            }
            case AggregateAction.RemoveHost remove -> {
                authorize(ComputePolicy.AGGREGATES_REMOVE_HOST);
                yield service.removeHost(aggregateId, remove.host());
            }
            case AggregateAction.SetMetadata set -> {
                authorize(ComputePolicy.AGGREGATES_SET_METADATA);
                yield service.setMetadata(aggregateId, set.metadata());
            }
        };
        return full(result);
    }

    /** 2.81: pre-cache images on the member hosts; 202 with no body, the work is asynchronous. */
    @POST
    @Path("/{id}/images")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response cacheImages(@PathParam("id") String id, JsonNode body) {
        version.require(ComputeApiVersions.IMAGE_PRECACHE);
        authorize(ComputePolicy.AGGREGATES_IMAGES);
        int aggregateId = requests.aggregateId(id, version.get());
        service.get(aggregateId);
        precache.request(context.get(), aggregateId, requests.cacheImages(body, version.get()));
        return Response.accepted().build();
    }

    private Map<String, Object> full(AggregateRecord aggregate) {
        return Map.of("aggregate", AggregateView.full(aggregate, version.get()));
    }

    private void authorize(String rule) {
        policy.authorize(rule, context.get());
    }
}
