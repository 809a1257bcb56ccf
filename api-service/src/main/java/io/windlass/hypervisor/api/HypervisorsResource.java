package io.windlass.hypervisor.api;

import io.windlass.api.config.ApiConfig;
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
import io.windlass.compute.policy.ComputePolicy;
import io.windlass.hypervisor.persistence.HostedServer;
import io.windlass.hypervisor.service.Hypervisor;
import io.windlass.hypervisor.service.HypervisorIds;
import io.windlass.hypervisor.service.Hypervisors;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nova's {@code /v2.1/os-hypervisors} ({@code nova/api/openstack/compute/hypervisors.py}): the
 * compute hosts as hypervisors, admin-only. Integer ids before 2.53 and uuids from it, paging from
 * 2.33, {@code hypervisor_hostname_pattern} and {@code with_servers} from 2.53 in place of the
 * {@code /search} and {@code /servers} routes, and from 2.88 no inventory in the views but
 * {@code uptime}, with the {@code /uptime} and {@code /statistics} routes gone.
 */
@Path("/compute/v2.1/os-hypervisors")
@Produces(MediaType.APPLICATION_JSON)
public class HypervisorsResource {
    private static final String LIST_QUERY = "compute/hypervisors/list-query";
    private static final String SHOW_QUERY = "compute/hypervisors/show-query";

    private final Hypervisors hypervisors;
    private final RequestValidator validator;
    private final ComputePagination pagination;
    private final ComputePolicy policy;
    private final CurrentRequestContext context;
    private final RequestedComputeVersion version;
    private final ComputeLinks links;
    private final int maxLimit;

    public HypervisorsResource(Hypervisors hypervisors, RequestValidator validator, ComputePagination pagination,
                               ComputePolicy policy, CurrentRequestContext context, RequestedComputeVersion version,
                               ComputeLinks links, ApiConfig config) {
        this.hypervisors = hypervisors;
        this.validator = validator;
        this.pagination = pagination;
        this.policy = policy;
        this.context = context;
        this.version = version;
        this.links = links;
        this.maxLimit = config.maxLimit();
    }

    @GET
    public Map<String, Object> index(@Context UriInfo uri) {
        return list(uri, false);
    }

    @GET
    @Path("/detail")
    public Map<String, Object> detail(@Context UriInfo uri) {
        return list(uri, true);
    }

    @GET
    @Path("/statistics")
    public Map<String, Object> statistics() {
        version.requireBefore(ComputeApiVersions.HYPERVISOR_WITHOUT_INVENTORY);
        policy.authorize(ComputePolicy.HYPERVISORS_STATISTICS, context.get());
        return HypervisorView.statistics(hypervisors.statistics());
    }

    @GET
    @Path("/{id}")
    public Map<String, Object> show(@PathParam("id") String id, @Context UriInfo uri) {
        RequestFields given = validator.query(ApiFamily.NOVA, SHOW_QUERY, version.get(), uri.getQueryParameters());
        boolean withServers = version.isAtLeast(ComputeApiVersions.HYPERVISOR_UUIDS)
                && given.bool("with_servers", false);
        policy.authorize(ComputePolicy.HYPERVISORS_SHOW, context.get());
        Hypervisor hypervisor = lookup(id);
        List<HostedServer> servers = withServers
                ? hypervisors.serversOn(List.of(hypervisor)).getOrDefault(hypervisor.hostname(), List.of())
                : List.of();
        return Map.of("hypervisor", HypervisorView.withServers(HypervisorView.detail(hypervisor, version.get()),
                servers, withServers, version.get()));
    }

    /** Nova asks the host's driver; here {@code HostUptime} says what the string is made of. */
    @GET
    @Path("/{id}/uptime")
    public Map<String, Object> uptime(@PathParam("id") String id) {
        version.requireBefore(ComputeApiVersions.HYPERVISOR_WITHOUT_INVENTORY);
        policy.authorize(ComputePolicy.HYPERVISORS_UPTIME, context.get());
        Hypervisor hypervisor = lookup(id);
        if (!hypervisor.up()) {
            throw InvalidInputException.badRequest("Compute service of " + hypervisor.hostname()
                    + " is unavailable at this time.");
        }
        Map<String, Object> view = HypervisorView.basic(hypervisor, version.get());
        view.put("uptime", hypervisor.uptime());
        return Map.of("hypervisor", view);
    }

    @GET
    @Path("/{id}/search")
    public Map<String, Object> search(@PathParam("id") String pattern) {
        version.requireBefore(ComputeApiVersions.HYPERVISOR_UUIDS);
        policy.authorize(ComputePolicy.HYPERVISORS_SEARCH, context.get());
        return Map.of("hypervisors", hypervisors.matching(pattern).stream()
                .map(h -> HypervisorView.basic(h, version.get())).toList());
    }

    @GET
    @Path("/{id}/servers")
    public Map<String, Object> servers(@PathParam("id") String pattern) {
        version.requireBefore(ComputeApiVersions.HYPERVISOR_UUIDS);
        policy.authorize(ComputePolicy.HYPERVISORS_SERVERS, context.get());
        List<Hypervisor> found = hypervisors.matching(pattern);
        Map<String, List<HostedServer>> servers = hypervisors.serversOn(found);
        return Map.of("hypervisors", found.stream().map(h -> HypervisorView.withServers(
                HypervisorView.basic(h, version.get()), servers.getOrDefault(h.hostname(), List.of()), false,
                version.get())).toList());
    }

    private Map<String, Object> list(UriInfo uri, boolean detail) {
        var query = uri.getQueryParameters();
        ApiVersion at = version.get();
        RequestFields given = validator.query(ApiFamily.NOVA, LIST_QUERY, at, query);
        policy.authorize(detail ? ComputePolicy.HYPERVISORS_LIST_DETAIL : ComputePolicy.HYPERVISORS_LIST,
                context.get());
        boolean paged = at.isAtLeast(ComputeApiVersions.HYPERVISOR_PAGING);
        Integer limit = paged ? given.limit(maxLimit) : null;
        String marker = paged ? given.text("marker") : null;
        boolean since253 = at.isAtLeast(ComputeApiVersions.HYPERVISOR_UUIDS);
        String pattern = since253 ? given.text("hypervisor_hostname_pattern") : null;
        boolean withServers = since253 && given.bool("with_servers", false);

        List<Hypervisor> found;
        if (pattern != null) {
            if (query.containsKey("limit") || marker != null && !marker.isEmpty()) {
                throw InvalidInputException.badRequest("Paging over hypervisors with the hypervisor_hostname_pattern "
                        + "query parameter is not supported.");
            }
            // a next link would repeat the pattern, which refuses paging
            paged = false;
            found = hypervisors.matching(pattern);
        } else {
            found = hypervisors.page(marker, limit);
        }
        Map<String, List<HostedServer>> servers = withServers ? hypervisors.serversOn(found) : Map.of();
        List<Map<String, Object>> views = found.stream().map(h -> HypervisorView.withServers(
                detail ? HypervisorView.detail(h, at) : HypervisorView.basic(h, at),
                servers.getOrDefault(h.hostname(), List.of()), withServers, at)).toList();

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("hypervisors", views);
        if (paged) {
            List<Map<String, String>> next = pagination.links(links.versioned() + "/os-hypervisors"
                    + (detail ? "/detail" : ""), query, views.size(), limit,
                    views.isEmpty() ? null : String.valueOf(views.getLast().get("id")));
            if (!next.isEmpty()) {
                body.put("hypervisors_links", next);
            }
        }
        return body;
    }

    /**
     * The hypervisor a path id names: from 2.53 a uuid (else 400), before an integer (else the
     * same 404 as an unknown one), as Nova's {@code _validate_id}.
     */
    private Hypervisor lookup(String id) {
        ResourceNotFoundException notFound = new ResourceNotFoundException("ComputeHostNotFound",
                "Hypervisor with ID '" + id + "' could not be found.");
        if (version.isAtLeast(ComputeApiVersions.HYPERVISOR_UUIDS)) {
            if (HypervisorIds.uuidLike(id).isEmpty()) {
                throw InvalidInputException.badRequest("Invalid uuid " + id);
            }
        } else if (HypervisorIds.integer(id).isEmpty()) {
            throw notFound;
        }
        return hypervisors.find(id).orElseThrow(() -> notFound);
    }
}
