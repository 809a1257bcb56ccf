package io.windlass.network.api;

import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.compute.api.ComputeApiVersions;
import io.windlass.compute.api.RequestedComputeVersion;
import io.windlass.compute.policy.ComputePolicy;
import io.windlass.network.persistence.NetworkRecord;
import io.windlass.network.service.NetworkService;
import io.windlass.networking.NeutronException;
import io.windlass.networking.NeutronQuery;
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
    private final NetworkService networks;
    private final ComputePolicy policy;
    private final CurrentRequestContext context;
    private final RequestedComputeVersion version;

    public ComputeTenantNetworksResource(NetworkService networks, ComputePolicy policy, CurrentRequestContext context,
                                         RequestedComputeVersion version) {
        this.networks = networks;
        this.policy = policy;
        this.context = context;
        this.version = version;
    }

    @GET
    public Map<String, Object> index() {
        authorize(ComputePolicy.TENANT_NETWORKS_LIST);
        return Map.of("networks", networks.list(NeutronQuery.parse(Map.of())).stream()
                .map(ComputeTenantNetworksResource::view).toList());
    }

    @GET
    @Path("/{id}")
    public Map<String, Object> show(@PathParam("id") String id) {
        authorize(ComputePolicy.TENANT_NETWORKS_SHOW);
        try {
            return Map.of("network", view(networks.show(id)));
        } catch (NeutronException e) {
            if (e.status() != 404) {
                throw e;
            }
            throw new ResourceNotFoundException("NetworkNotFound", "Network not found");
        }
    }

    /** The proxy API answers 404 from 2.36 on, as any route outside its versions does. */
    private void authorize(String rule) {
        if (version.isAtLeast(ComputeApiVersions.NETWORK_PROXY_REMOVED)) {
            throw new ResourceNotFoundException("NotFound", "The resource could not be found.");
        }
        policy.authorize(rule, context.get());
    }

    private static Map<String, Object> view(NetworkRecord network) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", network.id());
        view.put("cidr", "None");
        view.put("label", network.name());
        return view;
    }
}
