package io.windlass.agent.network;

import io.windlass.network.IngressRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One security group ingress rule as iptables matches: one match per source (a rule from
 * anywhere is one match without {@code -s}; a rule with an empty source list is none, it lets
 * nothing in). Protocols are read as Neutron writes them (names, numbers, {@code icmp} for
 * ICMPv6 in an IPv6 rule) and written as iptables reads them without {@code /etc/protocols}:
 * its own names for the protocols with a match of their own, numbers for the rest.
 */
final class IngressMatches {
    /** Protocols with ports whose iptables match of the same name reads {@code --dport}. */
    private static final Set<String> DPORT_MATCHES = Set.of("tcp", "udp", "sctp", "dccp");
    /** Names iptables knows itself. */
    private static final Set<String> BUILT_IN = Set.of("tcp", "udp", "udplite", "sctp", "icmp", "ipv6-icmp");
    /** Neutron's other protocol names, as numbers. */
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("ah", 51), Map.entry("dccp", 33),
            Map.entry("egp", 8), Map.entry("esp", 50), Map.entry("gre", 47), Map.entry("igmp", 2),
            Map.entry("ipip", 4), Map.entry("ipv6-encap", 41), Map.entry("ipv6-frag", 44),
            Map.entry("ipv6-nonxt", 59), Map.entry("ipv6-opts", 60), Map.entry("ipv6-route", 43),
            Map.entry("ospf", 89), Map.entry("pgm", 113), Map.entry("rsvp", 46), Map.entry("vrrp", 112));
    /** Numbers that mean a protocol matched by name (its ports or ICMP types need the name's match). */
    private static final Map<Integer, String> NAMED = Map.of(6, "tcp", 17, "udp", 33, "dccp", 132, "sctp",
            136, "udplite");
    private static final int MAX_PROTOCOL = 255;
    private static final int MAX_PORT = 65535;
    private static final int MAX_ICMP = 255;

    private IngressMatches() {
    }

    /**
     * The matches of {@code rule} for a chain of {@code family}: each is what goes between
     * {@code -A <chain>} and {@code -j RETURN}. A source that is not a network of the family is
     * left out (never widened to "anywhere").
     *
     * @param refused told, in words, what was left out
     * @throws IllegalArgumentException the rule as a whole cannot be written (unknown protocol, bad
     *                                  ports): it is left out, which lets less in, never more
     */
    static List<List<String>> of(IngressRule rule, IpFamily family, List<String> refused) {
        List<String> protocol = protocolMatch(rule, family);
        List<List<String>> matches = new ArrayList<>();
        if (rule.sources() == null) {
            matches.add(protocol);
            return matches;
        }
        for (String source : rule.sources()) {
            Optional<String> cidr = family.cidr(source);
            if (cidr.isEmpty()) {
                refused.add("source " + source + " is no IPv" + family.version() + " network");
                continue;
            }
            List<String> match = new ArrayList<>(List.of("-s", cidr.get()));
            match.addAll(protocol);
            matches.add(List.copyOf(match));
        }
        return matches;
    }

    private static List<String> protocolMatch(IngressRule rule, IpFamily family) {
        String protocol = protocol(rule.protocol(), family);
        if (protocol == null) {
            if (rule.portMin() != null) {
                throw new IllegalArgumentException("ports " + rule.portMin() + " without a protocol");
            }
            return List.of();
        }
        List<String> match = new ArrayList<>(List.of("-p", BUILT_IN.contains(protocol) ? protocol
                : NUMBERS.containsKey(protocol) ? String.valueOf(NUMBERS.get(protocol)) : protocol));
        if (rule.portMin() == null) {
            // every port, every ICMP type (Neutron: a missing minimum means the whole range)
            return List.copyOf(match);
        }
        String icmp = switch (protocol) {
            case "icmp" -> "icmp";
            case "ipv6-icmp" -> "icmp6";
            default -> null;
        };
        if (icmp != null) {
            match.addAll(List.of("-m", icmp, icmp.equals("icmp") ? "--icmp-type" : "--icmpv6-type",
                    icmpType(rule.portMin(), rule.portMax())));
        } else if (DPORT_MATCHES.contains(protocol)) {
            match.addAll(List.of("-m", protocol, "--dport", ports(rule.portMin(), rule.portMax())));
        } else if (protocol.equals("udplite")) {
            // no match of its own: multiport reads UDP-Lite's ports
            match.addAll(List.of("-m", "multiport", "--dports", ports(rule.portMin(), rule.portMax())));
        } else {
            throw new IllegalArgumentException("ports for protocol " + rule.protocol());
        }
        return List.copyOf(match);
    }

    /**
     * The protocol as one of iptables' names or a number, or null for any. ICMP in an IPv6 rule is
     * ICMPv6, as Neutron has it.
     */
    private static String protocol(String given, IpFamily family) {
        if (given == null) {
            return null;
        }
        String name = given.toLowerCase(Locale.ROOT).strip();
        if (name.matches("\\d{1,3}")) {
            int number = Integer.parseInt(name);
            if (number > MAX_PROTOCOL) {
                throw new IllegalArgumentException("protocol " + given);
            }
            name = switch (number) {
                case 0 -> "any";
                case 1 -> family == IpFamily.V4 ? "icmp" : name;
                case 58 -> family == IpFamily.V6 ? "ipv6-icmp" : name;
                default -> NAMED.getOrDefault(number, name);
            };
        }
        return switch (name) {
            case "", "any", "all" -> null;
            case "icmp" -> family == IpFamily.V4 ? "icmp" : "ipv6-icmp";
            case "icmpv6", "ipv6-icmp" -> {
                if (family == IpFamily.V4) {
                    throw new IllegalArgumentException("ICMPv6 in an IPv4 rule");
                }
                yield "ipv6-icmp";
            }
            default -> {
                if (BUILT_IN.contains(name) || NUMBERS.containsKey(name) || name.matches("\\d{1,3}")) {
                    yield name;
                }
                throw new IllegalArgumentException("unknown protocol " + given);
            }
        };
    }

    /** {@code min} or {@code min:max}. */
    private static String ports(int min, Integer max) {
        if (min < 0 || min > MAX_PORT || max != null && (max < min || max > MAX_PORT)) {
            throw new IllegalArgumentException("port range " + min + ":" + max);
        }
        return max == null || max == min ? String.valueOf(min) : min + ":" + max;
    }

    /** {@code type} or {@code type/code}. */
    private static String icmpType(int type, Integer code) {
        if (type < 0 || type > MAX_ICMP || code != null && (code < 0 || code > MAX_ICMP)) {
            throw new IllegalArgumentException("ICMP type " + type + " code " + code);
        }
        return code == null ? String.valueOf(type) : type + "/" + code;
    }
}
