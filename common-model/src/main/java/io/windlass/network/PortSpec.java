package io.windlass.network;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Windlass (Neutron) port a workload on this host gets: the container's interface on the port's
 * network carries exactly this MAC and these addresses.
 *
 * @param portId    the port uuid
 * @param networkId the network the port is on
 * @param mac       e.g. {@code fa:16:3e:00:00:0a}
 * @param fixedIps  at most one IPv4 and one IPv6 address (Zun's rule: one subnet of each version per network)
 */
public record PortSpec(String portId, String networkId, String mac, List<FixedIp> fixedIps) {
    public PortSpec {
        Objects.requireNonNull(portId, "portId");
        Objects.requireNonNull(networkId, "networkId");
        Objects.requireNonNull(mac, "mac");
        fixedIps = List.copyOf(fixedIps);
        for (int version : new int[] {4, 6}) {
            if (fixedIps.stream().filter(ip -> ip.ipVersion() == version).count() > 1) {
                // one container interface takes one address of each version from the engine
                throw new IllegalArgumentException("port " + portId + " has more than one IPv" + version + " address");
            }
        }
    }

    public Optional<String> ipv4Address() {
        return address(4);
    }

    public Optional<String> ipv6Address() {
        return address(6);
    }

    private Optional<String> address(int version) {
        return fixedIps.stream().filter(ip -> ip.ipVersion() == version).map(FixedIp::ipAddress).findFirst();
    }
}
