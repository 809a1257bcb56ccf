package io.windlass.network.api;

import io.windlass.api.context.CurrentRequestContext;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.compute.api.ComputeApiVersions;
import io.windlass.compute.api.RequestedComputeVersion;
import io.windlass.compute.policy.ComputePolicy;
import io.windlass.context.RequestContext;
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
import java.util.List;
import java.util.Map;

/**
 * Nova's proxy {@code /v2.1/os-networks} ({@code nova/api/openstack/compute/networks.py}), up to
 * 2.35: the networks the caller sees in the Networking API, by id and {@code label} (the name)
 * with every nova-network field null, as Nova answers since nova-network is gone. Clients that
 * have no {@code network} service in their catalog resolve {@code --nic net-id=<name>} and
 * Tempest's {@code fixed_network_name} through it.
 */
@Path("/compute/v2.1/os-networks")
@Produces(MediaType.APPLICATION_JSON)
public class ComputeNetworksResource {
    private static final List<String> FIELDS = List.of("id", "cidr", "netmask", "gateway", "broadcast", "dns1",
            "dns2", "cidr_v6", "gateway_v6", "label", "netmask_v6");
    private static final List<String> ADMIN_FIELDS = List.of("created_at", "updated_at", "deleted_at", "deleted",
            "injected", "bridge", "vlan", "vpn_public_address", "vpn_public_port", "vpn_private_address",
            "dhcp_start", "project_id", "host", "bridge_interface", "multi_host", "priority", "rxtx_base", "mtu",
            "dhcp_server", "enable_dhcp", "share_address");

    private final NetworkService networks;
    private final ComputePolicy policy;
    private final CurrentRequestContext context;
    private final RequestedComputeVersion version;

    public ComputeNetworksResource(NetworkService networks, ComputePolicy policy, CurrentRequestContext context,
                                   RequestedComputeVersion version) {
        this.networks = networks;
        this.policy = policy;
        this.context = context;
        this.version = version;
    }

    @GET
    public Map<String, Object> index() {
        RequestContext caller = authorized(ComputePolicy.NETWORKS_LIST);
        return Map.of("networks", networks.list(NeutronQuery.parse(Map.of())).stream()
                .map(n -> view(n, caller.isAdmin())).toList());
    }

    @GET
    @Path("/{id}")
    public Map<String, Object> show(@PathParam("id") String id) {
        RequestContext caller = authorized(ComputePolicy.NETWORKS_SHOW);
        try {
            return Map.of("network", view(networks.show(id), caller.isAdmin()));
        } catch (NeutronException e) {
            if (e.status() != 404) {
                throw e;
            }
            throw new ResourceNotFoundException("NetworkNotFound", "Network not found");
        }
    }

    /** The proxy API answers 404 from 2.36 on, as any route outside its versions does. */
    private RequestContext authorized(String rule) {
        if (version.isAtLeast(ComputeApiVersions.NETWORK_PROXY_REMOVED)) {
            throw new ResourceNotFoundException("NotFound", "The resource could not be found.");
        }
        RequestContext caller = context.get();
        policy.authorize(rule, caller);
        return caller;
    }

    /** Two fields of thirty carry a value, as in Nova; admins get the nova-network ones too, all null. */
    private static Map<String, Object> view(NetworkRecord network, boolean admin) {
        Map<String, Object> view = new LinkedHashMap<>();
        FIELDS.forEach(field -> view.put(field, null));
        if (admin) {
            ADMIN_FIELDS.forEach(field -> view.put(field, null));
        }
        view.put("id", network.id());
        view.put("label", network.name());
        return view;
    }
}
