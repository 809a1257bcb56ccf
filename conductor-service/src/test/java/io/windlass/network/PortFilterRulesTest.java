package io.windlass.network;

import io.windlass.network.PortFilterRules.FilteredPort;
import io.windlass.network.PortFilterRules.IngressRow;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PortFilterRulesTest {
    private static final FilteredPort WEB = new FilteredPort("p-web", "n1", 4301, "h1",
            List.of("198.19.90.10", "fd00:90::10"));

    @Test
    void aPortGetsTheIngressRulesOfItsGroupsWithRemoteGroupsAsTheirMembersAddresses() {
        List<IngressRow> rules = List.of(
                new IngressRow("default", "IPv4", null, null, null, null, "default"),
                new IngressRow("default", "IPv6", null, null, null, null, "default"),
                new IngressRow("web", "IPv4", "tcp", 80, 443, "198.18.0.0/15", null),
                new IngressRow("other", "IPv4", "udp", 53, 53, null, null));
        Map<String, List<String>> members = Map.of("default", List.of("198.19.90.11", "198.19.90.10", "fd00:90::10"));

        List<PortFilter> filters = PortFilterRules.filters(List.of(WEB), Map.of("p-web", Set.of("default", "web")),
                rules, members);

        assertEquals(List.of(new PortFilter("p-web", "n1", 4301, List.of("198.19.90.10", "fd00:90::10"), List.of(
                IngressRule.fromAny(4, List.of("198.19.90.10/32", "198.19.90.11/32")),
                IngressRule.fromAny(6, List.of("fd00:90::10/128")),
                new IngressRule(4, "tcp", 80, 443, List.of("198.18.0.0/15"))))), filters);
    }

    @Test
    void aPortWithoutGroupsLetsNothingInAndAnEmptyRemoteGroupLetsNoOneIn() {
        assertEquals(List.of(), PortFilterRules.filters(List.of(WEB), Map.of(), List.of(), Map.of()).getFirst().rules());
        IngressRule nobody = PortFilterRules.rule(new IngressRow("g", "IPv4", null, null, null, null, "empty"), Map.of());
        assertEquals(List.of(), nobody.sources());
        assertNull(PortFilterRules.rule(new IngressRow("g", "IPv4", "tcp", 22, 22, null, null), Map.of()).sources(),
                "no remote: from anywhere");
    }

    @Test
    void neutronsProtocolSpellingsBecomeIptables() {
        assertNull(PortFilterRules.protocol(null, 4));
        assertNull(PortFilterRules.protocol("any", 4));
        assertEquals("icmp", PortFilterRules.protocol("ICMP", 4));
        assertEquals("ipv6-icmp", PortFilterRules.protocol("icmp", 6));
        assertEquals("ipv6-icmp", PortFilterRules.protocol("icmpv6", 6));
        assertEquals("ipv6-icmp", PortFilterRules.protocol("58", 6));
        assertEquals("tcp", PortFilterRules.protocol("6", 4));
        assertEquals("udp", PortFilterRules.protocol("17", 4));
        assertEquals("sctp", PortFilterRules.protocol("sctp", 4));
    }
}
