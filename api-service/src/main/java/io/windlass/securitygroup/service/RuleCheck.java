package io.windlass.securitygroup.service;

import io.windlass.networking.NeutronException;
import io.windlass.subnet.service.IpPrefix;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Neutron's validation of a security group rule (neutron/db/securitygroups_db.py), pure: the
 * protocol by name or number, port ranges only for protocols with ports (ICMP type and code for
 * ICMP), a remote prefix or a remote group but not both, the prefix of the rule's ethertype.
 * Answers the rule as Neutron stores it.
 */
public final class RuleCheck {
    /** neutron_lib/constants.py IP_PROTOCOL_MAP's names, as the error lists them. */
    static final List<String> PROTOCOLS = List.of("ah", "dccp", "egp", "esp", "gre", "hopopt", "icmp", "igmp",
            "ip", "ipip", "ipv6-encap", "ipv6-frag", "ipv6-icmp", "icmpv6", "ipv6-nonxt", "ipv6-opts", "ipv6-route",
            "ospf", "pgm", "rsvp", "sctp", "tcp", "udp", "udplite", "vrrp");
    private static final Set<String> WITH_PORTS = Set.of("tcp", "udp", "udplite", "sctp", "dccp", "6", "17", "136",
            "132", "33");
    private static final Set<String> ICMP = Set.of("icmp", "ipv6-icmp", "icmpv6", "1", "58");

    private RuleCheck() {
    }

    public static RuleRequest check(RuleRequest rule) {
        String protocol = protocol(rule.protocol());
        String ethertype = rule.ethertype() == null ? "IPv4" : rule.ethertype();
        if (protocol == null && (rule.portRangeMin() != null || rule.portRangeMax() != null)) {
            throw NeutronException.badRequest("SecurityGroupProtocolRequiredWithPorts",
                    "Must also specify protocol if port range is given.");
        }
        if (protocol != null && WITH_PORTS.contains(protocol)) {
            ports(rule.portRangeMin(), rule.portRangeMax());
        } else if (protocol != null && ICMP.contains(protocol)) {
            icmp(rule.portRangeMin(), rule.portRangeMax());
        } else if (rule.portRangeMin() != null || rule.portRangeMax() != null) {
            throw NeutronException.badRequest("SecurityGroupInvalidProtocolForPortRange", "Invalid protocol "
                    + protocol + " for port range, only supported for TCP, UDP, UDPLITE, SCTP and DCCP.");
        }
        if (rule.remoteIpPrefix() != null && rule.remoteGroupId() != null) {
            throw NeutronException.badRequest("SecurityGroupRemoteGroupAndRemoteIpPrefix",
                    "Only remote_ip_prefix or remote_group_id may be provided.");
        }
        String prefix = rule.remoteIpPrefix() == null ? null : prefix(rule.remoteIpPrefix(), ethertype);
        return new RuleRequest(rule.direction(), ethertype, protocol, rule.portRangeMin(), rule.portRangeMax(), prefix,
                rule.remoteGroupId());
    }

    /** The protocol lower-cased; "any" (and absent) mean all protocols. */
    static String protocol(String given) {
        if (given == null || given.equalsIgnoreCase("any")) {
            return null;
        }
        String lower = given.toLowerCase(Locale.ROOT);
        if (PROTOCOLS.contains(lower)) {
            return lower;
        }
        if (lower.matches("^[0-9]{1,3}$") && Integer.parseInt(lower) <= 255) {
            return String.valueOf(Integer.parseInt(lower));
        }
        throw NeutronException.badRequest("SecurityGroupRuleInvalidProtocol", "Security group rule protocol " + given
                + " not supported. Only protocol values " + PROTOCOLS + " and integer representations [0 to 255] "
                + "are supported.");
    }

    /** Neutron's {@code _validate_port_range}: none, or both in order; one alone is no range. */
    private static void ports(Integer min, Integer max) {
        if (min == null && max == null) {
            return;
        }
        for (Integer port : new Integer[]{min, max}) {
            if (port != null && (port < 1 || port > 65535)) {
                throw NeutronException.badRequest("SecurityGroupInvalidPortValue", "Invalid value for port " + port);
            }
        }
        if (min == null || max == null || min > max) {
            throw NeutronException.badRequest("SecurityGroupInvalidPortRange",
                    "For TCP/UDP protocols, port_range_min must be <= port_range_max");
        }
    }

    private static void icmp(Integer type, Integer code) {
        if (type != null && (type < 0 || type > 255)) {
            throw NeutronException.badRequest("SecurityGroupInvalidIcmpValue", "Invalid value for ICMP type "
                    + "(port-range-min) " + type + ". It must be 0 to 255.");
        }
        if (code != null && (code < 0 || code > 255)) {
            throw NeutronException.badRequest("SecurityGroupInvalidIcmpValue", "Invalid value for ICMP code "
                    + "(port-range-max) " + code + ". It must be 0 to 255.");
        }
        if (code != null && type == null) {
            throw NeutronException.badRequest("SecurityGroupMissingIcmpType", "ICMP code (port-range-max) " + code
                    + " is provided but ICMP type (port-range-min) is missing.");
        }
    }

    /**
     * The prefix as Neutron stores it (its {@code str(netaddr.IPNetwork(given))}): the address in its
     * canonical form with the length, host bits kept ({@code 198.18.3.124/24} stays so, the Nova proxy
     * shows it back as given); of the rule's ethertype. Filters match {@link #normalized} of it.
     */
    private static String prefix(String given, String ethertype) {
        IpPrefix prefix = IpPrefix.parse(given).orElseThrow(() ->
                NeutronException.invalidAttribute("remote_ip_prefix", "'" + given + "' is not a valid IP subnet"));
        if (!ethertype.equals("IPv" + prefix.address().version())) {
            throw NeutronException.badRequest("SecurityGroupRuleParameterConflict", "Conflicting value ethertype "
                    + ethertype + " for CIDR " + given);
        }
        return prefix.toString();
    }

    /**
     * A stored prefix in network form, Neutron's {@code normalized_cidr} (the
     * security-groups-normalized-cidr extension): {@code 198.18.3.124/24} → {@code 198.18.3.0/24}.
     *
     * @return null for null (a rule from any address)
     */
    public static String normalized(String stored) {
        return stored == null ? null : IpPrefix.parse(stored).map(p -> p.network().toString())
                .orElseThrow(() -> new IllegalArgumentException("not a prefix: " + stored));
    }
}
