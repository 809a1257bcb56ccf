package io.windlass.network;

import java.util.List;
import java.util.Objects;

/**
 * The ingress filter of one port on its host (Neutron security groups, as far as Windlass enforces
 * them: ingress only). Traffic into the port's addresses on its network's bridge is dropped unless
 * it answers traffic the port sent or matches one of the rules (the union of its groups' ingress
 * rules). Egress is not filtered.
 *
 * @param portId    the port
 * @param networkId its network
 * @param vni       its network's segment id, which names the host's bridge
 * @param addresses the port's fixed IPs: what the filter protects
 * @param rules     what is let in
 */
public record PortFilter(String portId, String networkId, int vni, List<String> addresses, List<IngressRule> rules) {
    public PortFilter {
        Objects.requireNonNull(portId, "portId");
        Objects.requireNonNull(networkId, "networkId");
        addresses = List.copyOf(addresses);
        rules = List.copyOf(rules);
    }
}
