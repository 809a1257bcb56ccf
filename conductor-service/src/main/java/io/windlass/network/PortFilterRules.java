package io.windlass.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Neutron security groups turned into what a host enforces ({@link PortFilter}): for each filtered
 * port, the union of its groups' ingress rules, a remote group replaced by the addresses of its
 * member ports of the rule's IP version. A pure function of the rows {@link PortFilterReader} reads.
 */
public final class PortFilterRules {
    private PortFilterRules() {
    }

    /**
     * A port bound to a host with port security on.
     *
     * @param addresses its fixed IPs
     */
    public record FilteredPort(String portId, String networkId, int vni, String host, List<String> addresses) {
    }

    /**
     * One ingress row of {@code security_group_rules}.
     *
     * @param ethertype      {@code IPv4} or {@code IPv6}
     * @param remoteIpPrefix a CIDR, or null
     * @param remoteGroupId  a group whose members may send, or null
     */
    public record IngressRow(String groupId, String ethertype, String protocol, Integer portMin, Integer portMax,
                             String remoteIpPrefix, String remoteGroupId) {
    }

    /**
     * @param ports         the filtered ports
     * @param groupsOfPort  port id → its security groups
     * @param rules         the ingress rules of those groups
     * @param membersOfGroup group id → the addresses of its member ports (for remote groups)
     * @return each port's filter, in the order given
     */
    public static List<PortFilter> filters(List<FilteredPort> ports, Map<String, Set<String>> groupsOfPort,
                                           List<IngressRow> rules, Map<String, List<String>> membersOfGroup) {
        List<PortFilter> out = new ArrayList<>();
        for (FilteredPort port : ports) {
            Set<String> groups = groupsOfPort.getOrDefault(port.portId(), Set.of());
            List<IngressRule> allowed = new ArrayList<>();
            for (IngressRow row : rules) {
                if (groups.contains(row.groupId())) {
                    allowed.add(rule(row, membersOfGroup));
                }
            }
            out.add(new PortFilter(port.portId(), port.networkId(), port.vni(), port.addresses(),
                    allowed.stream().distinct().toList()));
        }
        return out;
    }

    static IngressRule rule(IngressRow row, Map<String, List<String>> membersOfGroup) {
        int version = "IPv6".equalsIgnoreCase(row.ethertype()) ? 6 : 4;
        List<String> sources = null;
        if (row.remoteIpPrefix() != null) {
            sources = List.of(row.remoteIpPrefix());
        } else if (row.remoteGroupId() != null) {
            sources = membersOfGroup.getOrDefault(row.remoteGroupId(), List.of()).stream()
                    .filter(a -> a.contains(":") == (version == 6))
                    .map(a -> a + (version == 6 ? "/128" : "/32")).sorted().toList();
        }
        return new IngressRule(version, protocol(row.protocol(), version), row.portMin(), row.portMax(), sources);
    }

    /** Neutron's spellings of a protocol to the one iptables takes; null and {@code any}: every protocol. */
    static String protocol(String neutron, int version) {
        if (neutron == null || neutron.isBlank() || neutron.equalsIgnoreCase("any")) {
            return null;
        }
        String p = neutron.toLowerCase(Locale.ROOT);
        return switch (p) {
            case "icmp", "icmpv6", "ipv6-icmp", "1", "58" -> version == 6 ? "ipv6-icmp" : "icmp";
            case "6" -> "tcp";
            case "17" -> "udp";
            default -> p;
        };
    }
}
