package io.windlass.agent.network;

import io.windlass.network.SubnetSpec;
import io.windlass.network.NetworkBinding;
import com.github.dockerjava.api.model.Network;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Docker network a Windlass network is on one host: a bridge network named after the Windlass
 * network, whose Linux bridge is named after the VNI (so the VXLAN device can be put into it), with
 * the Windlass subnets and gateways, the network's MTU, no masquerading and {@code internal}, so
 * the engine routes nothing between it and anything else (other networks, the host's underlay, the
 * world).
 *
 * @param name    the engine network's name, {@code wl-net-<uuid>}
 * @param labels  what marks it as Windlass's and names its network and VNI, for an agent that finds it later
 * @param options the bridge driver's options
 * @param subnets the IPAM pools: each subnet with its gateway
 */
public record EngineNetworkSpec(String name, Map<String, String> labels, Map<String, String> options,
                                List<SubnetSpec> subnets) {
    /** Marks the engine's networks (and containers) as Windlass's. */
    public static final String MANAGED_LABEL = "windlass.managed";
    /** The Windlass network an engine network carries. */
    public static final String NETWORK_LABEL = "windlass.network";
    /** The VNI of that network: what {@code release} needs to find the VXLAN device. */
    public static final String VNI_LABEL = "windlass.vni";
    static final String BRIDGE_NAME_OPTION = "com.docker.network.bridge.name";
    static final String MTU_OPTION = "com.docker.network.driver.mtu";
    static final String MASQUERADE_OPTION = "com.docker.network.bridge.enable_ip_masquerade";
    static final String ICC_OPTION = "com.docker.network.bridge.enable_icc";

    public EngineNetworkSpec {
        labels = Map.copyOf(labels);
        options = Map.copyOf(options);
        subnets = List.copyOf(subnets);
    }

    public static EngineNetworkSpec of(NetworkBinding binding) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED_LABEL, "true");
        labels.put(NETWORK_LABEL, binding.networkId());
        labels.put(VNI_LABEL, String.valueOf(binding.vni()));
        Map<String, String> options = new LinkedHashMap<>();
        options.put(BRIDGE_NAME_OPTION, DataPlaneNames.bridge(binding.vni()));
        options.put(MTU_OPTION, String.valueOf(binding.mtu()));
        // the network is a tenant's segment, not a way out: no source NAT onto the host's addresses
        options.put(MASQUERADE_OPTION, "false");
        // containers of one network reach each other on the bridge, as on one switch
        options.put(ICC_OPTION, "true");
        return new EngineNetworkSpec(DataPlaneNames.engineNetwork(binding.networkId()), labels, options,
                binding.subnets());
    }

    public String bridge() {
        return options.get(BRIDGE_NAME_OPTION);
    }

    /** Whether any subnet is IPv6: the engine then needs IPv6 enabled on the network. */
    public boolean ipv6() {
        return subnets.stream().anyMatch(s -> s.ipVersion() == 6);
    }

    /**
     * Whether an engine network found under this name is this one: same bridge and same subnets.
     * Options the engine fills in itself are not compared; a network made by an older agent with
     * other options still carries its containers.
     */
    public boolean matches(Network found) {
        Map<String, String> foundOptions = found.getOptions() == null ? Map.of() : found.getOptions();
        if (!Objects.equals(bridge(), foundOptions.get(BRIDGE_NAME_OPTION))) {
            return false;
        }
        Set<String> foundSubnets = found.getIpam() == null || found.getIpam().getConfig() == null ? Set.of()
                : found.getIpam().getConfig().stream().map(c -> normal(c.getSubnet())).collect(Collectors.toSet());
        return foundSubnets.equals(subnets.stream().map(s -> normal(s.cidr())).collect(Collectors.toSet()));
    }

    private static String normal(String cidr) {
        return cidr == null ? "" : cidr.strip().toLowerCase(Locale.ROOT);
    }
}
