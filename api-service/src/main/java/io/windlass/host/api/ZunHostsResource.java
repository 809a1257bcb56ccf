package io.windlass.host.api;

import io.vertx.core.http.HttpServerRequest;
import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.context.PublicUrl;
import io.windlass.api.error.NotAcceptableException;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.api.microversion.RequestedApiVersion;
import io.windlass.container.policy.ContainerPolicy;
import io.windlass.host.service.ZunHosts;
import io.windlass.hypervisor.service.Hypervisor;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Zun's {@code /v1/hosts} (1.4+, {@code zun/api/controllers/v1/hosts.py}), admins only: each
 * compute host with its capacity, what is claimed of it and its containers. What the agents do
 * not report (architecture, operating system, kernel, runtimes) is null rather than a guess;
 * every host pins dedicated CPUs ({@code cpu_policy}), so {@code enable_cpu_pinning} is true.
 */
@Path("/container/v1/hosts")
@Produces(MediaType.APPLICATION_JSON)
public class ZunHostsResource {
    private final ZunHosts hosts;
    private final ContainerPolicy policy;
    private final CurrentRequestContext context;
    private final RequestedApiVersion version;
    private final PublicUrl publicUrl;

    public ZunHostsResource(ZunHosts hosts, ContainerPolicy policy, CurrentRequestContext context,
                            RequestedApiVersion version, PublicUrl publicUrl) {
        this.hosts = hosts;
        this.policy = policy;
        this.context = context;
        this.version = version;
        this.publicUrl = publicUrl;
    }

    /** Zun's collection: every host (no paging needed below Zun's default limit of 1000), {@code next} null. */
    @GET
    public Map<String, Object> list(@Context HttpServerRequest request) {
        authorize(ContainerPolicy.HOST_GET_ALL);
        String root = publicUrl.root(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("hosts", hosts.list().stream().map(h -> view(h, root)).toList());
        body.put("next", null);
        return body;
    }

    @GET
    @Path("/{ident}")
    public Map<String, Object> show(@PathParam("ident") String ident, @Context HttpServerRequest request) {
        authorize(ContainerPolicy.HOST_GET);
        return view(hosts.find(ident).orElseThrow(() -> new ResourceNotFoundException("ComputeNodeNotFound",
                "Compute node " + ident + " could not be found.")), publicUrl.root(request));
    }

    private void authorize(String rule) {
        if (!version.isAtLeast(1, 4)) {
            throw new NotAcceptableException("The requested version of hosts is not supported for this version "
                    + version.get() + "; it came in 1.4.");
        }
        policy.authorize(rule, context.get(), context.get().projectId());
    }

    /** {@code hosts_view.format_host}: Zun's keys, memory in MiB, disk in GiB. */
    private static Map<String, Object> view(ZunHosts.ZunHost host, String root) {
        Hypervisor h = host.hypervisor();
        String uuid = h.uuid().toString();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("uuid", uuid);
        view.put("links", List.of(Map.of("href", root + "/container/v1/hosts/" + uuid, "rel", "self"),
                Map.of("href", root + "/container/hosts/" + uuid, "rel", "bookmark")));
        view.put("hostname", h.hostname());
        view.put("mem_total", h.memoryMb());
        view.put("mem_used", h.memoryMbUsed());
        view.put("cpus", h.vcpus());
        view.put("cpu_used", h.vcpusUsed());
        view.put("disk_total", h.localGb());
        view.put("disk_used", h.localGbUsed());
        view.put("disk_quota_supported", false);
        view.put("total_containers", host.containers());
        view.put("architecture", null);
        view.put("os_type", "linux");
        view.put("os", null);
        view.put("kernel_version", null);
        view.put("labels", Map.of());
        view.put("runtimes", null);
        view.put("enable_cpu_pinning", true);
        return view;
    }
}
