package io.windlass.network;

import java.util.List;
import java.util.Objects;

/**
 * What an agent is told about one Windlass network it must carry (over RPC: the agent holds no
 * database credentials, the conductor reads these from the database).
 *
 * @param networkId             the Windlass (Neutron) network uuid
 * @param vni                   the network's segment id: the VXLAN id between hosts, and the name of the host bridge
 * @param mtu                   the MTU containers get on this network (1450 leaves room for VXLAN's 50 bytes on a 1500 underlay)
 * @param subnets               the network's subnets
 * @param peerUnderlayAddresses underlay addresses of the other hosts holding ports of this network
 *                              (this host's own address may be among them: it is skipped)
 */
public record NetworkBinding(String networkId, int vni, int mtu, List<SubnetSpec> subnets,
                             List<String> peerUnderlayAddresses) {
    /** The largest VXLAN network identifier (24 bits). */
    public static final int MAX_VNI = (1 << 24) - 1;

    public NetworkBinding {
        Objects.requireNonNull(networkId, "networkId");
        if (vni < 1 || vni > MAX_VNI) {
            throw new IllegalArgumentException("VNI runs from 1 to " + MAX_VNI + ", not " + vni);
        }
        if (mtu < 1280) {
            // below IPv6's minimum no subnet of any version works reliably
            throw new IllegalArgumentException("MTU below 1280: " + mtu);
        }
        subnets = List.copyOf(subnets);
        peerUnderlayAddresses = List.copyOf(peerUnderlayAddresses);
    }

    /** The same network with another peer list (the conductor's answer after a host joined or left). */
    public NetworkBinding withPeers(List<String> peers) {
        return new NetworkBinding(networkId, vni, mtu, subnets, peers);
    }
}
