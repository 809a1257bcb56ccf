package io.windlass.network;

import java.util.List;
import java.util.Objects;

/**
 * One ingress security group rule as a host enforces it: traffic to a port that matches one of
 * its port's rules is let in; the rest is dropped, except answers to what the port sent.
 *
 * @param ipVersion 4 or 6 (Neutron's {@code ethertype} IPv4, IPv6)
 * @param protocol  {@code tcp}, {@code udp}, {@code icmp}, {@code ipv6-icmp}, a protocol number, or null for any
 * @param portMin   for tcp and udp the first destination port (null: every port); for icmp the type (null: any)
 * @param portMax   for tcp and udp the last destination port; for icmp the code (null: any)
 * @param sources   CIDRs the traffic may come from (the rule's {@code remote_ip_prefix}, or the addresses of
 *                  the ports in its {@code remote_group_id}, as /32 or /128); null: from anywhere. An empty
 *                  list lets nothing in (a remote group without members).
 */
public record IngressRule(int ipVersion, String protocol, Integer portMin, Integer portMax, List<String> sources) {
    public IngressRule {
        if (ipVersion != 4 && ipVersion != 6) {
            throw new IllegalArgumentException("IP version 4 or 6, not " + ipVersion);
        }
        sources = sources == null ? null : List.copyOf(sources);
    }

    /** Any traffic of one IP version from these sources (Neutron's default group: from its own members). */
    public static IngressRule fromAny(int ipVersion, List<String> sources) {
        return new IngressRule(ipVersion, null, null, null, Objects.requireNonNull(sources, "sources"));
    }
}
