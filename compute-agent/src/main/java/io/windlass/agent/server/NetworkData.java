package io.windlass.agent.server;

import io.windlass.network.FixedIp;
import io.windlass.network.NetworkBinding;
import io.windlass.network.PortSpec;
import io.windlass.network.SubnetSpec;
import io.windlass.network.WorkloadNetworks;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A server's {@code openstack/latest/network_data.json}, as Nova's {@code get_network_metadata}
 * ({@code nova/virt/netutils.py}) writes it: a link per port, a network per fixed IP of it (the
 * IPv4 one before the IPv6 one, numbered across all ports), and the services. Field names and
 * their order are Nova's. A pure function of the server's {@link WorkloadNetworks}.
 */
final class NetworkData {
    /** Nova names a VIF's device {@code tap} and the port id's first 11 characters (14: Linux's limit less one). */
    private static final int DEVICE_ID_CHARS = 11;
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private NetworkData() {
    }

    /**
     * The document's content. Without ports (the engine's default network, or none), no links and no
     * networks: cloud-init then falls back to DHCP, which the engine's default network serves.
     *
     * @throws IllegalArgumentException when a port's network or a fixed IP's subnet is not in the spec
     */
    static Map<String, Object> of(WorkloadNetworks workload) {
        List<Map<String, Object>> links = new ArrayList<>();
        List<Map<String, Object>> networks = new ArrayList<>();
        for (PortSpec port : workload.ports()) {
            if (port.fixedIps().isEmpty()) {
                // as Nova: a VIF without subnets (no fixed IP) gets neither a link nor a network
                continue;
            }
            NetworkBinding binding = bindingOf(workload, port);
            Map<String, Object> link = link(port, binding);
            links.add(link);
            for (int version : new int[] {4, 6}) {
                for (FixedIp ip : port.fixedIps()) {
                    if (ip.ipVersion() == version) {
                        networks.add(network(networks.size(), (String) link.get("id"), ip, binding));
                    }
                }
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("links", links);
        data.put("networks", networks);
        // Nova lists each subnet's DNS servers here (type "dns"); SubnetSpec carries none, so none are known
        data.put("services", List.of());
        return data;
    }

    private static NetworkBinding bindingOf(WorkloadNetworks workload, PortSpec port) {
        return workload.networks().stream().filter(n -> n.networkId().equals(port.networkId())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no network " + port.networkId()
                        + " for port " + port.portId()));
    }

    private static Map<String, Object> link(PortSpec port, NetworkBinding binding) {
        Map<String, Object> link = new LinkedHashMap<>();
        String id = port.portId();
        link.put("id", "tap" + id.substring(0, Math.min(DEVICE_ID_CHARS, id.length())));
        link.put("vif_id", id);
        // Nova's VIF type: the port is plugged into a Linux bridge (the network's host bridge)
        link.put("type", "bridge");
        link.put("mtu", binding.mtu());
        link.put("ethernet_mac_address", port.mac());
        return link;
    }

    private static Map<String, Object> network(int number, String linkId, FixedIp ip, NetworkBinding binding) {
        int version = ip.ipVersion();
        String address = ip.ipAddress();
        SubnetSpec subnet = subnetOf(binding, address, version);
        Map<String, Object> network = new LinkedHashMap<>();
        network.put("id", "network" + number);
        // Static addressing: Nova writes "ipv4_dhcp"/"ipv6_dhcp" (and no address) for subnets with DHCP, but
        // Windlass runs no DHCP server; the engine sets the port's address on the interface itself.
        network.put("type", "ipv" + version);
        network.put("link", linkId);
        network.put("ip_address", address);
        network.put("netmask", netmask(version, prefixOf(subnet)));
        network.put("routes", defaultRoute(version, subnet.gatewayIp()));
        network.put("network_id", binding.networkId());
        network.put("services", List.of());
        return network;
    }

    /** The port's subnet: of the address's version, and containing it (Neutron allocated it there). */
    private static SubnetSpec subnetOf(NetworkBinding binding, String address, int version) {
        BigInteger ip = toInteger(address);
        int bits = version == 4 ? 32 : 128;
        for (SubnetSpec subnet : binding.subnets()) {
            if (subnet.ipVersion() != version) {
                continue;
            }
            int hostBits = bits - prefixOf(subnet);
            BigInteger base = toInteger(subnet.cidr().substring(0, subnet.cidr().indexOf('/')).trim());
            if (hostBits >= 0 && ip.shiftRight(hostBits).equals(base.shiftRight(hostBits))) {
                return subnet;
            }
        }
        throw new IllegalArgumentException("no subnet of network " + binding.networkId() + " holds " + address);
    }

    /** The prefix length of a subnet's CIDR ({@code 198.18.0.0/24}: 24). */
    private static int prefixOf(SubnetSpec subnet) {
        int slash = subnet.cidr().indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("subnet " + subnet.cidr() + " has no prefix length");
        }
        return Integer.parseInt(subnet.cidr().substring(slash + 1).trim());
    }

    private static BigInteger toInteger(String literal) {
        // literals only, so getByName never looks a name up (InetAddress.ofLiteral is Java 22, the build targets 21)
        if (!IPV4_LITERAL.matcher(literal).matches() && literal.indexOf(':') < 0) {
            throw new IllegalArgumentException("not an IP address: " + literal);
        }
        try {
            return new BigInteger(1, InetAddress.getByName(literal).getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + literal, e);
        }
    }

    /** Dotted for IPv4; for IPv6 the mask as an address in compact form, as Nova's {@code str(netaddr netmask)}. */
    static String netmask(int version, int prefix) {
        int bits = version == 4 ? 32 : 128;
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
        if (version == 4) {
            long m = mask.longValue();
            return (m >> 24 & 0xff) + "." + (m >> 16 & 0xff) + "." + (m >> 8 & 0xff) + "." + (m & 0xff);
        }
        List<String> groups = new ArrayList<>();
        for (int shift = 112; shift >= 0; shift -= 16) {
            groups.add(Integer.toHexString(mask.shiftRight(shift).intValue() & 0xffff));
        }
        // a mask's zero groups are all at its end; like inet_ntop, "::" only replaces two or more of them
        int ones = groups.indexOf("0") < 0 ? groups.size() : groups.indexOf("0");
        if (groups.size() - ones < 2) {
            return String.join(":", groups);
        }
        return String.join(":", groups.subList(0, ones)) + "::";
    }

    /** Nova's {@code _get_default_route}: via the subnet's gateway, none without one. */
    private static List<Map<String, String>> defaultRoute(int version, String gateway) {
        if (gateway == null || gateway.isBlank()) {
            return List.of();
        }
        String any = version == 4 ? "0.0.0.0" : "::";
        Map<String, String> route = new LinkedHashMap<>();
        route.put("network", any);
        route.put("netmask", any);
        route.put("gateway", gateway);
        return List.of(route);
    }
}
