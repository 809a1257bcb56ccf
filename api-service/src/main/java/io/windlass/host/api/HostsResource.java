package io.windlass.host.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import io.windlass.compute.api.ComputeApiVersions;
import io.windlass.compute.api.RequestedComputeVersion;
import io.windlass.compute.policy.ComputePolicy;
import io.windlass.host.service.HostEntry;
import io.windlass.host.service.HostOperations;
import io.windlass.host.service.HostResource;
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

/**
 * Nova's {@code /v2.1/os-hosts} ({@code nova/api/openstack/compute/hosts.py}), admins only and up
 * to 2.42: from 2.43 every route answers 404, as a route outside its versions does, before any
 * policy check. Nova validates an update's body before it checks the policy; so does this.
 */
@Path("/compute/v2.1/os-hosts")
@Produces(MediaType.APPLICATION_JSON)
public class HostsResource {
    private final HostOperations hosts;
    private final ComputePolicy policy;
    private final CurrentRequestContext context;
    private final RequestedComputeVersion version;
    private final RequestValidator validator;

    public HostsResource(HostOperations hosts, ComputePolicy policy, CurrentRequestContext context,
                         RequestedComputeVersion version, RequestValidator validator) {
        this.hosts = hosts;
        this.policy = policy;
        this.context = context;
        this.version = version;
        this.validator = validator;
    }

    /** {@code ?zone=} filters; Nova reads the last of repeated values (webob's {@code GET.get}). */
    @GET
    public Map<String, Object> index(@QueryParam("zone") List<String> zones) {
        authorized(ComputePolicy.HOSTS_LIST);
        String zone = zones.isEmpty() ? null : zones.getLast();
        return Map.of("hosts", hosts.list(zone).stream().map(HostsResource::view).toList());
    }

    @GET
    @Path("/{host}")
    public Map<String, Object> show(@PathParam("host") String host) {
        authorized(ComputePolicy.HOSTS_SHOW);
        return Map.of("host", hosts.resources(host).stream().map(HostsResource::view).toList());
    }

    /** Status first, then maintenance mode, as Nova: a refused maintenance mode leaves the status changed. */
    @PUT
    @Path("/{host}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(@PathParam("host") String host, JsonNode body) {
        version.requireBefore(ComputeApiVersions.HOSTS_REMOVED);
        RequestFields update = validator.body(ApiFamily.NOVA, "compute/hosts/update", version.get(), body);
        policy.authorize(ComputePolicy.HOSTS_UPDATE, context.get());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("host", host);
        if (update.has("status")) {
            result.put("status", hosts.setEnabled(host, enabled(update.text("status"))));
        }
        if (update.has("maintenance_mode")) {
            throw hosts.notSupportedOn(host);
        }
        return result;
    }

    @GET
    @Path("/{host}/startup")
    public Map<String, Object> startup(@PathParam("host") String host) {
        authorized(ComputePolicy.HOSTS_START);
        throw hosts.notSupportedOn(host);
    }

    @GET
    @Path("/{host}/shutdown")
    public Map<String, Object> shutdown(@PathParam("host") String host) {
        authorized(ComputePolicy.HOSTS_SHUTDOWN);
        throw hosts.notSupportedOn(host);
    }

    @GET
    @Path("/{host}/reboot")
    public Map<String, Object> reboot(@PathParam("host") String host) {
        authorized(ComputePolicy.HOSTS_REBOOT);
        throw hosts.notSupportedOn(host);
    }

    private void authorized(String rule) {
        version.requireBefore(ComputeApiVersions.HOSTS_REMOVED);
        policy.authorize(rule, context.get());
    }

    /** Nova's {@code read_enabled}: the schema has already limited the value to the two words in three cases. */
    private static boolean enabled(String value) {
        return value.strip().equalsIgnoreCase("enable");
    }

    private static Map<String, Object> view(HostEntry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("host_name", entry.hostName());
        view.put("service", entry.service());
        view.put("zone", entry.zone());
        return view;
    }

    private static Map<String, Object> view(HostResource row) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("host", row.host());
        resource.put("project", row.project());
        resource.put("cpu", row.cpu());
        resource.put("memory_mb", row.memoryMb());
        resource.put("disk_gb", row.diskGb());
        return Map.of("resource", resource);
    }
}
