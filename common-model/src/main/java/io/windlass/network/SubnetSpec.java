package io.windlass.network;

import java.util.Objects;

/**
 * One Windlass subnet of a network, as the agent needs it to make the engine network: the engine's
 * IPAM gets the CIDR and the gateway, which becomes the host bridge's address.
 *
 * @param cidr      e.g. {@code 198.19.250.0/24} or {@code fd00:1::/64}
 * @param gatewayIp the subnet's gateway, or null when the subnet has none (Neutron {@code gateway_ip: null});
 *                  the engine then gives the bridge an address of its own choosing (see docs/networking.md)
 * @param ipVersion 4 or 6
 */
public record SubnetSpec(String cidr, String gatewayIp, int ipVersion) {
    public SubnetSpec {
        Objects.requireNonNull(cidr, "cidr");
        if (ipVersion != 4 && ipVersion != 6) {
            throw new IllegalArgumentException("ip version is 4 or 6, not " + ipVersion);
        }
    }
}
