package io.windlass.agent.network;

import io.windlass.network.IngressRule;
import io.windlass.network.PortFilter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortFilterPlanTest {
    private static final String PORT_A = "3f2a9c10-4a61-4c1c-9e26-3f1a0e0c4261";
    private static final String PORT_B = "5b0e7d22-1c3d-4e5f-8a9b-0c1d2e3f4a5b";
    private static final String A = "wlsg-3f2a9c104a614c1c9e26";
    private static final String B = "wlsg-5b0e7d221c3d4e5f8a9b";
    private static final String NET = "0b6a44a5-53d8-4c1c-9e26-3f1a0e0c4242";
    private static final String CONNTRACK = "-m conntrack --ctstate RELATED,ESTABLISHED -j RETURN";
    /** What the table holds once port A is filtered, the jump first. */
    private static final FilterTable A_IN_PLACE = new FilterTable(List.of(PortFilterChains.DISPATCH, A), 1, true);

    private static PortFilter portA(IngressRule... rules) {
        return new PortFilter(PORT_A, NET, 4242, List.of("198.19.250.10"), List.of(rules));
    }

    private static String text(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    /** The rules of port A's IPv4 chain between the conntrack rule and the DROP. */
    private static List<String> rulesOfA(PortFilterPlan plan) {
        List<String> rules = new ArrayList<>(plan.restoreText().lines().filter(l -> l.startsWith("-A " + A + " "))
                .map(l -> l.substring(("-A " + A + " ").length())).toList());
        assertEquals(CONNTRACK, rules.removeFirst(), "answers to the port come first");
        assertEquals("-j DROP", rules.removeLast(), "the rest is dropped");
        return rules;
    }

    private static List<String> rulesOfA(IngressRule... rules) {
        return rulesOfA(PortFilterPlan.between(IpFamily.V4, A_IN_PLACE, List.of(portA(rules))));
    }

    @Test
    void aTcpPortRangeFromACidrOnAHostWithoutFilters() {
        PortFilterPlan plan = PortFilterPlan.between(IpFamily.V4, FilterTable.EMPTY,
                List.of(portA(new IngressRule(4, "tcp", 8080, 8090, List.of("198.18.5.0/24")))));
        assertEquals(text(
                "*filter",
                ":wlsg-ingress - [0:0]",
                ":" + A + " - [0:0]",
                "-A " + A + " " + CONNTRACK,
                "-A " + A + " -s 198.18.5.0/24 -p tcp -m tcp --dport 8080:8090 -j RETURN",
                "-A " + A + " -j DROP",
                "-A wlsg-ingress -d 198.19.250.10 -o wlbr4242 -j " + A,
                "-I FORWARD 1 -j wlsg-ingress",
                "COMMIT"), plan.restoreText());
        assertEquals(List.of(A), plan.added());
        assertEquals(List.of(), plan.removed());
        assertEquals(List.of(), plan.refused());
    }

    @Test
    void theSameListAgainRefillsTheChainsAndLeavesTheJump() {
        PortFilterPlan plan = PortFilterPlan.between(IpFamily.V4, A_IN_PLACE,
                List.of(portA(new IngressRule(4, "tcp", 8080, null, null))));
        assertEquals(text(
                "*filter",
                ":wlsg-ingress - [0:0]",
                ":" + A + " - [0:0]",
                "-A " + A + " " + CONNTRACK,
                "-A " + A + " -p tcp -m tcp --dport 8080 -j RETURN",
                "-A " + A + " -j DROP",
                "-A wlsg-ingress -d 198.19.250.10 -o wlbr4242 -j " + A,
                "COMMIT"), plan.restoreText());
        assertEquals(List.of(), plan.added());
    }

    @Test
    void aJumpTheEngineGotAheadOfIsMovedFirstInTheSameRestore() {
        PortFilterPlan plan = PortFilterPlan.between(IpFamily.V4,
                new FilterTable(List.of(PortFilterChains.DISPATCH, A), 1, false), List.of(portA()));
        assertTrue(plan.restoreText().endsWith(text(
                "-A wlsg-ingress -d 198.19.250.10 -o wlbr4242 -j " + A,
                "-D FORWARD -j wlsg-ingress",
                "-I FORWARD 1 -j wlsg-ingress",
                "COMMIT")), plan.restoreText());
    }

    @Test
    void icmpByTypeAndCodeByTypeAndAll() {
        assertEquals(List.of(
                "-p icmp -m icmp --icmp-type 8/0 -j RETURN",
                "-p icmp -m icmp --icmp-type 8 -j RETURN",
                "-p icmp -j RETURN",
                "-p icmp -j RETURN"), rulesOfA(
                new IngressRule(4, "icmp", 8, 0, null),
                new IngressRule(4, "icmp", 8, null, null),
                new IngressRule(4, "icmp", null, null, null),
                new IngressRule(4, "1", null, null, null)));
    }

    @Test
    void anyProtocolFromAnywhereOrFromSomeSources() {
        assertEquals(List.of(
                "-j RETURN",
                "-s 198.19.250.11/32 -j RETURN",
                "-s 198.19.250.12/32 -j RETURN",
                "-s 198.18.0.0/15 -j RETURN"), rulesOfA(
                new IngressRule(4, null, null, null, null),
                IngressRule.fromAny(4, List.of("198.19.250.11/32", "198.19.250.12/32")),
                new IngressRule(4, "any", null, null, List.of("198.18.0.0/15"))));
    }

    @Test
    void nullSourcesAreAnywhereAndAnEmptyListLetsNothingIn() {
        assertEquals(List.of("-p tcp -m tcp --dport 22 -j RETURN"), rulesOfA(
                new IngressRule(4, "tcp", 22, 22, null)));
        // a remote group without members
        assertEquals(List.of(), rulesOfA(new IngressRule(4, "tcp", 22, 22, List.of())));
        assertEquals(List.of(), rulesOfA(IngressRule.fromAny(4, List.of())));
    }

    @Test
    void aPortWithoutRulesLetsInOnlyAnswers() {
        assertEquals(List.of(), rulesOfA());
    }

    @Test
    void protocolsByNameAndNumber() {
        assertEquals(List.of(
                "-p tcp -m tcp --dport 80:81 -j RETURN",
                "-p udp -m udp --dport 53 -j RETURN",
                "-p sctp -m sctp --dport 9 -j RETURN",
                "-p 33 -m dccp --dport 5000 -j RETURN",
                "-p udplite -m multiport --dports 7:8 -j RETURN",
                "-p 47 -j RETURN",
                "-p 47 -j RETURN",
                "-p 112 -j RETURN"), rulesOfA(
                new IngressRule(4, "6", 80, 81, null),
                new IngressRule(4, "UDP", 53, 53, null),
                new IngressRule(4, "sctp", 9, null, null),
                new IngressRule(4, "dccp", 5000, 5000, null),
                new IngressRule(4, "udplite", 7, 8, null),
                new IngressRule(4, "gre", null, null, null),
                new IngressRule(4, "47", null, null, null),
                new IngressRule(4, "vrrp", null, null, null)));
    }

    @Test
    void whatCannotBeWrittenIsLeftOutNeverWidened() {
        PortFilterPlan plan = PortFilterPlan.between(IpFamily.V4, A_IN_PLACE, List.of(portA(
                new IngressRule(4, "bogus", null, null, null),
                new IngressRule(4, "gre", 1, 2, null),
                new IngressRule(4, "tcp", 90, 80, null),
                new IngressRule(4, "icmp", 300, null, null),
                new IngressRule(4, "tcp", 22, 22, List.of("198.19.250.0/33", "1.2.3.4 -j ACCEPT", "fd00::/64")),
                new IngressRule(4, "tcp", 23, 23, List.of("198.19.250.7")))));
        assertEquals(List.of("-s 198.19.250.7 -p tcp -m tcp --dport 23 -j RETURN"), rulesOfA(plan));
        assertEquals(7, plan.refused().size(), plan.refused().toString());
        assertTrue(plan.refused().stream().allMatch(r -> r.startsWith("port " + PORT_A)), plan.refused().toString());
    }

    @Test
    void ipv6HasItsOwnChainForTheIpv6AddressWithNeighbourDiscoveryAlwaysIn() {
        PortFilter dualStack = new PortFilter(PORT_A, NET, 4245, List.of("198.19.253.10", "fd00:4245::10"), List.of(
                new IngressRule(4, "tcp", 22, 22, null),
                new IngressRule(6, "ipv6-icmp", 128, null, List.of("fd00:4245::/64")),
                new IngressRule(6, "icmp", null, null, null),
                new IngressRule(6, "tcp", 8080, 8080, List.of("fd00:4245::11/128", "198.19.253.11/32"))));
        PortFilterPlan v6 = PortFilterPlan.between(IpFamily.V6, FilterTable.EMPTY, List.of(dualStack));
        assertEquals(text(
                "*filter",
                ":wlsg-ingress - [0:0]",
                ":" + A + " - [0:0]",
                "-A " + A + " " + CONNTRACK,
                "-A " + A + " -p ipv6-icmp -m icmp6 --icmpv6-type 130 -j RETURN",
                "-A " + A + " -p ipv6-icmp -m icmp6 --icmpv6-type 134 -j RETURN",
                "-A " + A + " -p ipv6-icmp -m icmp6 --icmpv6-type 135 -j RETURN",
                "-A " + A + " -p ipv6-icmp -m icmp6 --icmpv6-type 136 -j RETURN",
                "-A " + A + " -s fd00:4245::/64 -p ipv6-icmp -m icmp6 --icmpv6-type 128 -j RETURN",
                "-A " + A + " -p ipv6-icmp -j RETURN",
                "-A " + A + " -s fd00:4245::11/128 -p tcp -m tcp --dport 8080 -j RETURN",
                "-A " + A + " -j DROP",
                "-A wlsg-ingress -d fd00:4245::10 -o wlbr4245 -j " + A,
                "-I FORWARD 1 -j wlsg-ingress",
                "COMMIT"), v6.restoreText());
        assertEquals(List.of("port " + PORT_A + ": source 198.19.253.11/32 is no IPv6 network"), v6.refused());

        PortFilterPlan v4 = PortFilterPlan.between(IpFamily.V4, FilterTable.EMPTY, List.of(dualStack));
        assertTrue(v4.restoreText().contains("-A wlsg-ingress -d 198.19.253.10 -o wlbr4245 -j " + A + "\n"));
        assertTrue(v4.restoreText().contains("-A " + A + " -p tcp -m tcp --dport 22 -j RETURN\n"));
        assertTrue(v4.restoreText().lines().noneMatch(l -> l.contains("fd00") || l.contains("icmp")),
                v4.restoreText());
        assertEquals(List.of(), v4.refused(), "an IPv6 address is no error in the IPv4 table");
    }

    @Test
    void aPortWithoutIpv6AddressesHasNothingInIp6tables() {
        PortFilterPlan plan = PortFilterPlan.between(IpFamily.V6, FilterTable.EMPTY,
                List.of(portA(new IngressRule(6, "tcp", 22, 22, null))));
        assertTrue(plan.isEmpty(), plan.restoreText());
    }

    @Test
    void theChainOfAPortNoLongerListedIsEmptiedAndDeleted() {
        PortFilterPlan plan = PortFilterPlan.between(IpFamily.V4,
                new FilterTable(List.of(PortFilterChains.DISPATCH, A, B), 1, true), List.of(portA()));
        assertEquals(text(
                "*filter",
                ":wlsg-ingress - [0:0]",
                ":" + A + " - [0:0]",
                ":" + B + " - [0:0]",
                "-A " + A + " " + CONNTRACK,
                "-A " + A + " -j DROP",
                "-A wlsg-ingress -d 198.19.250.10 -o wlbr4242 -j " + A,
                "-X " + B,
                "COMMIT"), plan.restoreText());
        assertEquals(List.of(B), plan.removed());
        assertEquals(List.of(), plan.added());
    }

    @Test
    void anEmptyListRemovesEveryWindlassChainAndTheJump() {
        PortFilterPlan plan = PortFilterPlan.between(IpFamily.V4,
                new FilterTable(List.of(A, PortFilterChains.DISPATCH), 1, false), List.of());
        assertEquals(text(
                "*filter",
                ":" + A + " - [0:0]",
                ":wlsg-ingress - [0:0]",
                "-D FORWARD -j wlsg-ingress",
                "-X " + A,
                "-X wlsg-ingress",
                "COMMIT"), plan.restoreText());
        assertEquals(List.of(A, PortFilterChains.DISPATCH), plan.removed());
        assertTrue(PortFilterPlan.between(IpFamily.V4, FilterTable.EMPTY, List.of()).isEmpty(),
                "nothing there, nothing wanted: nothing to restore");
    }

    @Test
    void aPortListedTwiceCountsOnceAndABadAddressOrVniIsLeftOut() {
        PortFilter bad = new PortFilter(PORT_B, NET, 4242, List.of("198.19.250.11\n-A FORWARD -j ACCEPT"), List.of());
        PortFilter noVni = new PortFilter("7c0e7d22-1c3d-4e5f-8a9b-0c1d2e3f4a5b", NET, 0, List.of("198.19.250.12"),
                List.of());
        PortFilterPlan plan = PortFilterPlan.between(IpFamily.V4, A_IN_PLACE, List.of(portA(), portA(), bad, noVni));
        assertEquals(1, plan.restoreText().lines().filter(l -> l.startsWith("-A wlsg-ingress")).count(),
                plan.restoreText());
        assertTrue(plan.restoreText().lines().noneMatch(l -> l.contains("ACCEPT")));
        assertEquals(3, plan.refused().size(), plan.refused().toString());
    }
}
