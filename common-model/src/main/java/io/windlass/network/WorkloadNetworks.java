package io.windlass.network;

import java.util.List;

/**
 * The tenant networking a host needs to create one workload: its ports, in the order the user
 * asked for them, and every network they are on. Empty: the workload sits on the host engine's
 * default network, as before tenant networks (and as an agent older than compute RPC 1.5 does).
 *
 * @param ports    the workload's ports; the first is its interface at create, the others are connected after
 * @param networks the networks of those ports, with the hosts that already carry them
 */
public record WorkloadNetworks(List<PortSpec> ports, List<NetworkBinding> networks) {
    public static final WorkloadNetworks NONE = new WorkloadNetworks(List.of(), List.of());

    public WorkloadNetworks {
        ports = ports == null ? List.of() : List.copyOf(ports);
        networks = networks == null ? List.of() : List.copyOf(networks);
    }

    public boolean isEmpty() {
        return ports.isEmpty();
    }

    /** The binding of one port's network (every port's network is among {@link #networks}). */
    public NetworkBinding networkOf(PortSpec port) {
        return networks.stream().filter(n -> n.networkId().equals(port.networkId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no binding for network " + port.networkId()
                        + " of port " + port.portId()));
    }
}
