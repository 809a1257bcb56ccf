package io.windlass.network.api;

import io.windlass.compute.policy.ComputePolicy;
import io.windlass.network.persistence.NetworkRecord;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Nova's proxy {@code /v2.1/os-tenant-networks} ({@code nova/api/openstack/compute/tenant_networks.py}),
 * up to 2.35: the networks the caller sees in the Networking API, each as Nova's {@code network_dict}
 * makes it over Neutron: the id, the name as {@code label}, and {@code cidr} as Python's {@code str} of
 * the missing value, {@code "None"}. Creating and deleting through it are gone from Nova (410 there);
 * here they are not routed.
 */
@Path("/compute/v2.1/os-tenant-networks")
@Produces(MediaType.APPLICATION_JSON)
public class ComputeTenantNetworksResource {
    private final NovaNetworkProxy proxy;

    public ComputeTenantNetworksResource(NovaNetworkProxy proxy) {
        this.proxy = proxy;
    }

    @GET
    public Map<String, Object> index() {
        proxy.authorized(ComputePolicy.TENANT_NETWORKS_LIST);
        return Map.of("networks", proxy.visible().stream().map(ComputeTenantNetworksResource::view).toList());
    }

    @GET
    @Path("/{id}")
    public Map<String, Object> show(@PathParam("id") String id) {
        proxy.authorized(ComputePolicy.TENANT_NETWORKS_SHOW);
        return Map.of("network", view(proxy.show(id)));
    }

    private static Map<String, Object> view(NetworkRecord network) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", network.id());
        view.put("cidr", "None");
        view.put("label", network.name());
        return view;
    }
}
