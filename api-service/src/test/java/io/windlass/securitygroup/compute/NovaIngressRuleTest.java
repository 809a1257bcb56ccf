package io.windlass.securitygroup.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.windlass.api.error.InvalidInputException;
import io.windlass.securitygroup.persistence.SecurityGroupRuleRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nova's reading of a rule body (security_group_api._new_ingress_rule and parse_cidr), message for message. */
class NovaIngressRuleTest {
    private static final String SOURCE = "3c6bb4d4-9f3b-4e5a-9a57-2ab7e7c0b1f1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static NovaIngressRule read(String body) throws Exception {
        JsonNode rule = JSON.readTree(body.replace('\'', '"'));
        return NovaIngressRule.of(rule);
    }

    private static String refused(String body) {
        return assertThrows(InvalidInputException.class, () -> read(body)).getMessage();
    }

    @Test
    void aCidrRuleKeepsWhatWasGivenAndDefaultsToAnywhere() throws Exception {
        NovaIngressRule rule = read("{'ip_protocol': 'TCP', 'from_port': '22', 'to_port': 22.9}");
        assertEquals(new NovaIngressRule("TCP", 22L, 22L, "0.0.0.0/0", null), rule);
        assertEquals("IPv4", rule.ethertype());
        NovaIngressRule v6 = read("{'ip_protocol': 'udp', 'from_port': 53, 'to_port': 53, 'cidr': 'fd00%3A%3A1/64'}");
        assertEquals("fd00::1/64", v6.cidr());
        assertEquals("IPv6", v6.ethertype());
        assertEquals("0.0.0.0/0", read("{'ip_protocol': 'tcp', 'from_port': 1, 'to_port': 2, 'cidr': ''}").cidr());
    }

    @Test
    void icmpAnyTypeIsNoPortForNeutron() throws Exception {
        NovaIngressRule rule = read("{'ip_protocol': 'icmp', 'from_port': -1, 'to_port': -1}");
        assertEquals(-1L, rule.fromPort());
        assertNull(rule.portRangeMin());
        assertNull(rule.portRangeMax());
        assertEquals(8L, read("{'ip_protocol': 'icmp', 'from_port': 8, 'to_port': -1}").portRangeMin());
    }

    @Test
    void aSourceGroupRuleOpensTheWholeRangeGivenNoPorts() throws Exception {
        assertEquals(new NovaIngressRule("tcp", 1L, 65535L, null, SOURCE),
                read("{'ip_protocol': 'tcp', 'group_id': '" + SOURCE + "'}"));
        assertEquals(new NovaIngressRule("ICMP", -1L, -1L, null, SOURCE),
                read("{'ip_protocol': 'ICMP', 'group_id': '" + SOURCE + "'}"));
        // no protocol, or one port only: every protocol from the group, as Nova drops what it cannot use
        assertEquals(new NovaIngressRule(null, null, null, null, SOURCE), read("{'group_id': '" + SOURCE + "'}"));
        assertEquals(new NovaIngressRule(null, null, null, null, SOURCE),
                read("{'ip_protocol': 'tcp', 'from_port': 5, 'group_id': '" + SOURCE + "'}"));
        assertEquals("IPv4", read("{'group_id': '" + SOURCE + "'}").ethertype());
    }

    @Test
    void refusesInNovasWords() {
        assertEquals("Not enough parameters to build a valid rule.", refused("{'ip_protocol': 'tcp', 'from_port': 22}"));
        assertEquals("Not enough parameters to build a valid rule.", refused("{'from_port': 22, 'to_port': 22}"));
        assertEquals("Invalid input received: To and From ports must be integers",
                refused("{'ip_protocol': 'tcp', 'from_port': 'a', 'to_port': 22}"));
        assertEquals("Invalid input received: Type and Code must be integers for ICMP protocol type",
                refused("{'ip_protocol': 'icmp', 'from_port': 'x', 'to_port': 0}"));
        assertEquals("Invalid IP protocol gre.", refused("{'ip_protocol': 'gre', 'from_port': 1, 'to_port': 2}"));
        assertEquals("Invalid port range 22:21. Former value cannot be greater than the later",
                refused("{'ip_protocol': 'tcp', 'from_port': 22, 'to_port': 21}"));
        assertEquals("Invalid port range 22:65536. Valid TCP ports should be between 1-65535",
                refused("{'ip_protocol': 'tcp', 'from_port': 22, 'to_port': 65536}"));
        assertEquals("Invalid port range 0:22. Valid UDP ports should be between 1-65535",
                refused("{'ip_protocol': 'udp', 'from_port': 0, 'to_port': 22}"));
        assertEquals("Invalid port range -2:0. For ICMP, the type:code must be valid",
                refused("{'ip_protocol': 'icmp', 'from_port': -2, 'to_port': 0}"));
        assertEquals("198.18.0.0 is not a valid IP network.",
                refused("{'ip_protocol': 'tcp', 'from_port': 1, 'to_port': 2, 'cidr': '198.18.0.0'}"));
        assertEquals("198.18.0.0/33 is not a valid IP network.",
                refused("{'ip_protocol': 'tcp', 'from_port': 1, 'to_port': 2, 'cidr': '198.18.0.0/33'}"));
        assertEquals("5 is not a valid IP network.",
                refused("{'ip_protocol': 'tcp', 'from_port': 1, 'to_port': 2, 'cidr': 5}"));
        assertEquals("Bad prefix for network in cidr 198.18.0.0/0",
                refused("{'ip_protocol': 'tcp', 'from_port': 1, 'to_port': 2, 'cidr': '198.18.0.0/0'}"));
    }

    @Test
    void aDuplicateIsTheSameFiveKeysAsNovaShowsTheExistingRule() throws Exception {
        NovaRule tcp22 = NovaRule.of(new SecurityGroupRuleRecord("r", "g", "p", "ingress", "IPv4", "tcp", 22, 22, null,
                null, "", null, null, 1));
        assertTrue(read("{'ip_protocol': 'tcp', 'from_port': 22, 'to_port': 22}").sameAs(tcp22));
        // Nova compares the protocol as given: Neutron is left to find this one
        assertFalse(read("{'ip_protocol': 'TCP', 'from_port': 22, 'to_port': 22}").sameAs(tcp22));
        assertFalse(read("{'ip_protocol': 'tcp', 'from_port': 22, 'to_port': 22, 'cidr': '198.18.0.0/15'}")
                .sameAs(tcp22));
        NovaRule anyTcp = NovaRule.of(new SecurityGroupRuleRecord("r", "g", "p", "ingress", "IPv4", "tcp", null, null,
                null, null, "", null, null, 1));
        assertTrue(read("{'ip_protocol': 'tcp', 'from_port': 1, 'to_port': 65535}").sameAs(anyTcp));
    }
}
