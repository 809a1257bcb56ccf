package io.windlass.network.api;

import io.windlass.compute.policy.ComputePolicy;
import io.windlass.context.RequestContext;
import io.windlass.network.persistence.NetworkRecord;
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

    private final NovaNetworkProxy proxy;

    public ComputeNetworksResource(NovaNetworkProxy proxy) {
        this.proxy = proxy;
    }

    @GET
    public Map<String, Object> index() {
        RequestContext caller = proxy.authorized(ComputePolicy.NETWORKS_LIST);
        return Map.of("networks", proxy.visible().stream().map(n -> view(n, caller.isAdmin())).toList());
    }

    @GET
    @Path("/{id}")
    public Map<String, Object> show(@PathParam("id") String id) {
        RequestContext caller = proxy.authorized(ComputePolicy.NETWORKS_SHOW);
        return Map.of("network", view(proxy.show(id), caller.isAdmin()));
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
