package io.windlass.securitygroup.compute;

import io.windlass.securitygroup.persistence.SecurityGroupRecord;
import io.windlass.securitygroup.persistence.SecurityGroupRuleRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Neutron's groups and rules in Nova's format (security_groups.py _format_security_group[_rule]). */
class NovaSecurityGroupViewTest {
    private static SecurityGroupRuleRecord rule(String id, String direction, String protocol, Integer min, Integer max,
                                                String prefix, String remoteGroup) {
        return new SecurityGroupRuleRecord(id, "g1", "p1", direction, "IPv4", protocol, min, max, prefix, remoteGroup,
                "", null, null, 1);
    }

    @Test
    void ingressRulesOnlyWithNovasPortsAndRanges() {
        SecurityGroupRecord group = new SecurityGroupRecord("g1", "p1", "web", "d", false, true, List.of(
                rule("r1", "egress", null, null, null, null, null),
                rule("r2", "ingress", "tcp", 22, 22, "198.18.0.0/15", null),
                rule("r3", "ingress", "icmp", null, null, null, null),
                rule("r4", "ingress", "udp", null, null, null, "g2"),
                rule("r5", "ingress", null, null, null, null, "gone")), null, null, 1);
        Map<String, Object> view = NovaSecurityGroupView.group(group, id -> id.equals("g2")
                ? Optional.of(new SourceGroup("peer", "p2")) : Optional.empty());

        assertEquals(List.of("id", "description", "name", "tenant_id", "rules"), List.copyOf(view.keySet()));
        assertEquals("p1", view.get("tenant_id"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rules = (List<Map<String, Object>>) view.get("rules");
        assertEquals(List.of("r2", "r3", "r4"), rules.stream().map(r -> r.get("id")).toList());
        assertEquals(Map.of("id", "r2", "parent_group_id", "g1", "ip_protocol", "tcp", "from_port", 22, "to_port", 22,
                "group", Map.of(), "ip_range", Map.of("cidr", "198.18.0.0/15")), rules.get(0));
        assertEquals(-1, rules.get(1).get("from_port"));
        assertEquals(Map.of("cidr", "0.0.0.0/0"), rules.get(1).get("ip_range"));
        assertEquals(1, rules.get(2).get("from_port"));
        assertEquals(65535, rules.get(2).get("to_port"));
        assertEquals(Map.of("name", "peer", "tenant_id", "p2"), rules.get(2).get("group"));
        assertEquals(Map.of(), rules.get(2).get("ip_range"));
    }

    @Test
    void listsAreSortedByProjectThenName() {
        List<Map<String, Object>> sorted = NovaSecurityGroupView.sorted(List.of(
                Map.of("tenant_id", "b", "name", "a"), Map.of("tenant_id", "a", "name", "z"),
                Map.of("tenant_id", "a", "name", "default")));
        assertEquals(List.of("default", "z", "a"), sorted.stream().map(g -> g.get("name")).toList());
    }
}
