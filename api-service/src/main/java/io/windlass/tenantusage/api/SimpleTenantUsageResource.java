package io.windlass.tenantusage.api;

import io.windlass.api.config.ApiConfig;
import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import io.windlass.compute.api.ComputeApiVersions;
import io.windlass.compute.api.ComputeLinks;
import io.windlass.compute.api.ComputePagination;
import io.windlass.compute.api.RequestedComputeVersion;
import io.windlass.compute.policy.ComputePolicy;
import io.windlass.tenantusage.service.TenantUsageReport;
import io.windlass.tenantusage.service.TenantUsages;
import io.windlass.tenantusage.service.UsagePeriod;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Nova's {@code /v2.1/os-simple-tenant-usage} ({@code nova/api/openstack/compute/simple_tenant_usage.py}):
 * what servers used over a window, per project ({@code index}, admins; {@code detailed=1} lists the
 * servers) or for one project ({@code show}, its readers), from the servers' launch and termination
 * times and the flavor each was booted with. Paged by server from 2.40; unknown query parameters
 * are refused from 2.75.
 */
@Path("/compute/v2.1/os-simple-tenant-usage")
@Produces(MediaType.APPLICATION_JSON)
public class SimpleTenantUsageResource {
    private static final String COLLECTION = "os-simple-tenant-usage";

    private final TenantUsages usages;
    private final RequestValidator validator;
    private final ComputePagination pagination;
    private final ComputePolicy policy;
    private final CurrentRequestContext context;
    private final RequestedComputeVersion version;
    private final ComputeLinks links;
    private final int maxLimit;

    public SimpleTenantUsageResource(TenantUsages usages, RequestValidator validator, ComputePagination pagination,
                                     ComputePolicy policy, CurrentRequestContext context,
                                     RequestedComputeVersion version, ComputeLinks links, ApiConfig config) {
        this.usages = usages;
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
        if (uri.getPath().endsWith("/")) {
            // an empty tenant id ("/os-simple-tenant-usage/"): Nova's router has no such route
            throw new ResourceNotFoundException("NotFound", "The resource could not be found.");
        }
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        RequestFields given = validator.query(ApiFamily.NOVA, "compute/simple-tenant-usage/index-query", version.get(),
                query);
        policy.authorize(ComputePolicy.TENANT_USAGE_LIST, context.get());
        Instant now = Instant.now();
        UsagePeriod period = UsagePeriod.of(first(query, "start"), first(query, "end"), now);
        boolean detailed = "1".equals(first(query, "detailed"));
        boolean paged = version.isAtLeast(ComputeApiVersions.USAGE_PAGING);
        int limit = paged ? given.limit(maxLimit) : maxLimit;
        TenantUsageReport report = usages.report(period, now, null, paged ? given.text("marker") : null, limit,
                detailed);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant_usages", report.tenants().stream().map(TenantUsageView::tenant).toList());
        if (paged) {
            next(report, COLLECTION, query, limit).ifPresent(next -> body.put("tenant_usages_links", next));
        }
        return body;
    }

    @GET
    @Path("/{tenant_id}")
    public Map<String, Object> show(@PathParam("tenant_id") String tenant, @Context UriInfo uri) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        RequestFields given = validator.query(ApiFamily.NOVA, "compute/simple-tenant-usage/show-query", version.get(),
                query);
        policy.authorize(ComputePolicy.TENANT_USAGE_SHOW, context.get(), tenant);
        Instant now = Instant.now();
        UsagePeriod period = UsagePeriod.of(first(query, "start"), first(query, "end"), now);
        boolean paged = version.isAtLeast(ComputeApiVersions.USAGE_PAGING);
        int limit = paged ? given.limit(maxLimit) : maxLimit;
        TenantUsageReport report = usages.report(period, now, tenant, paged ? given.text("marker") : null, limit,
                true);

        Map<String, Object> body = new LinkedHashMap<>();
        // a project without usage is an empty object, not zeros
        body.put("tenant_usage", report.tenants().isEmpty() ? Map.of()
                : TenantUsageView.tenant(report.tenants().getFirst()));
        if (paged) {
            next(report, COLLECTION + "/" + tenant, query, limit).ifPresent(next -> body.put("tenant_usage_links", next));
        }
        return body;
    }

    /** A next link when the page of servers is full, marked with its last server. */
    private Optional<List<Map<String, String>>> next(TenantUsageReport report, String collection,
                                                                MultivaluedMap<String, String> query, int limit) {
        List<Map<String, String>> next = pagination.links(links.versioned() + "/" + collection, query,
                report.servers().size(), limit,
                report.servers().isEmpty() ? null : report.servers().getLast().instanceId().toString());
        return next.isEmpty() ? Optional.empty() : Optional.of(next);
    }

    /**
     * The first non-blank value, as Nova reads {@code start}, {@code end} and {@code detailed} with
     * {@code urllib.parse.parse_qs} (which drops blank values): none is null.
     */
    private static String first(MultivaluedMap<String, String> query, String name) {
        return query.getOrDefault(name, List.of()).stream().filter(v -> !v.isEmpty()).findFirst().orElse(null);
    }
}
