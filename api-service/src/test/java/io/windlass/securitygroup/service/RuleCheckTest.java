package io.windlass.securitygroup.service;

import io.windlass.networking.NeutronException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RuleCheckTest {

    private static String refused(RuleRequest rule) {
        return assertThrows(NeutronException.class, () -> RuleCheck.check(rule)).errorName();
    }

    @Test
    void normalisesAsNeutronStoresARule() {
        // the prefix keeps its host bits (netaddr's str(IPNetwork)); a bare address gets its host length
        RuleRequest checked = RuleCheck.check(new RuleRequest("ingress", null, "TCP", 22, 22, "198.19.2.3/15", null));
        assertEquals(new RuleRequest("ingress", "IPv4", "tcp", 22, 22, "198.19.2.3/15", null), checked);
        assertEquals("198.18.0.9/32", RuleCheck.check(new RuleRequest("ingress", null, null, null, null, "198.18.0.9",
                null)).remoteIpPrefix());
        assertEquals("6", RuleCheck.check(new RuleRequest("egress", "IPv4", "006", null, null, null, null)).protocol());
        assertEquals(null, RuleCheck.check(new RuleRequest("egress", "IPv6", "any", null, null, null, null)).protocol());
        assertEquals("fd00::1/64", RuleCheck.check(new RuleRequest("egress", "IPv6", null, null, null,
                "fd00:0:0::1/64", null)).remoteIpPrefix());
        RuleCheck.check(new RuleRequest("ingress", "IPv4", "icmp", 8, 0, null, null));
    }

    @Test
    void theNormalizedCidrIsTheNetworkOfThePrefix() {
        assertEquals("198.18.0.0/15", RuleCheck.normalized("198.19.2.3/15"));
        assertEquals("198.18.0.9/32", RuleCheck.normalized("198.18.0.9/32"));
        assertEquals("fd00::/64", RuleCheck.normalized("fd00::1/64"));
        assertEquals("0.0.0.0/0", RuleCheck.normalized("0.0.0.0/0"));
        assertEquals(null, RuleCheck.normalized(null));
    }

    @Test
    void refusesAsNeutron() {
        assertEquals("SecurityGroupInvalidPortRange", refused(new RuleRequest("ingress", null, "udp", 9, 8, null, null)));
        // one end alone is no range (Tempest's test_create_security_group_rule_with_invalid_ports)
        assertEquals("SecurityGroupInvalidPortRange", refused(new RuleRequest("ingress", null, "tcp", null, 6, null,
                null)));
        assertEquals("SecurityGroupInvalidPortRange", refused(new RuleRequest("ingress", null, "tcp", 6, null, null,
                null)));
        assertEquals("SecurityGroupInvalidPortValue", refused(new RuleRequest("ingress", null, "tcp", 0, 8, null, null)));
        assertEquals("SecurityGroupProtocolRequiredWithPorts", refused(new RuleRequest("ingress", null, null, 1, 2,
                null, null)));
        assertEquals("SecurityGroupRuleInvalidProtocol", refused(new RuleRequest("ingress", null, "256", null, null,
                null, null)));
        assertEquals("SecurityGroupInvalidProtocolForPortRange", refused(new RuleRequest("ingress", null, "gre", 1, 2,
                null, null)));
        assertEquals("SecurityGroupMissingIcmpType", refused(new RuleRequest("ingress", null, "icmp", null, 0, null,
                null)));
        assertEquals("SecurityGroupInvalidIcmpValue", refused(new RuleRequest("ingress", null, "icmp", 300, null, null,
                null)));
        assertEquals("SecurityGroupRemoteGroupAndRemoteIpPrefix", refused(new RuleRequest("ingress", null, null, null,
                null, "198.18.0.0/15", "00000000-0000-0000-0000-000000000000")));
        assertEquals("SecurityGroupRuleParameterConflict", refused(new RuleRequest("ingress", "IPv6", null, null, null,
                "198.18.0.0/15", null)));
        assertEquals("HTTPBadRequest", refused(new RuleRequest("ingress", null, null, null, null, "198.18.0.0/99", null)));
    }
}
