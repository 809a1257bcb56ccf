package io.windlass.agent.network;

import java.util.Optional;

/**
 * How the data plane names what it makes on a host, from the network's uuid and VNI alone, so an
 * agent (restarted, or one that never saw the create) finds them again without any record of its
 * own. Linux interface names have at most 15 characters: {@code wlbr} or {@code wlvx} and the VNI
 * (at most 8 digits) make 12.
 */
public final class DataPlaneNames {
    /** Prefix of the engine networks Windlass makes; the rest is the Windlass network uuid. */
    public static final String NETWORK_PREFIX = "wl-net-";
    private static final int IFNAMSIZ = 15;
    private static final String BRIDGE_PREFIX = "wlbr";

    private DataPlaneNames() {
    }

    /** The engine network of a Windlass network: {@code wl-net-<uuid>}. */
    public static String engineNetwork(String networkId) {
        return NETWORK_PREFIX + networkId;
    }

    /**
     * The Windlass network an engine network carries, read from its name: empty for every network
     * that is not Windlass's ({@code bridge}, {@code host}, a user's own), which the agent never touches.
     */
    public static Optional<String> networkId(String engineNetworkName) {
        if (engineNetworkName == null || !engineNetworkName.startsWith(NETWORK_PREFIX)
                || engineNetworkName.length() == NETWORK_PREFIX.length()) {
            return Optional.empty();
        }
        return Optional.of(engineNetworkName.substring(NETWORK_PREFIX.length()));
    }

    /** The Linux bridge under the engine network: {@code wlbr<vni>}. */
    public static String bridge(int vni) {
        return checked(BRIDGE_PREFIX + vni);
    }

    /** Every tenant bridge, as iptables matches interface names: {@code wlbr+}. */
    public static String anyBridge() {
        return BRIDGE_PREFIX + "+";
    }

    /** The VXLAN device that carries the network to the other hosts: {@code wlvx<vni>}. */
    public static String vxlan(int vni) {
        return checked("wlvx" + vni);
    }

    private static String checked(String name) {
        if (name.length() > IFNAMSIZ) {
            throw new IllegalArgumentException("interface name " + name + " is longer than " + IFNAMSIZ);
        }
        return name;
    }
}
