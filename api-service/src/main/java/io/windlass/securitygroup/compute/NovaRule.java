package io.windlass.securitygroup.compute;

import io.windlass.securitygroup.persistence.SecurityGroupRuleRecord;

import java.util.Locale;

/**
 * A Neutron ingress rule as Nova sees it ({@code _convert_to_nova_security_group_rule_format}): a
 * protocol without ports is the whole range (1-65535 for TCP and UDP, -1 otherwise) and a rule on
 * no prefix is on {@code 0.0.0.0/0}.
 *
 * @param groupId the source group ({@code remote_group_id}), or null
 * @param cidr    the prefix, never null (a source group's rule has {@code 0.0.0.0/0} too)
 */
public record NovaRule(String id, String parentGroupId, String protocol, Integer fromPort, Integer toPort,
                       String groupId, String cidr) {

    public static NovaRule of(SecurityGroupRuleRecord rule) {
        Integer from = rule.portRangeMin();
        Integer to = rule.portRangeMax();
        if (rule.protocol() != null && from == null && to == null) {
            boolean ported = switch (rule.protocol().toUpperCase(Locale.ROOT)) {
                case "TCP", "UDP" -> true;
                default -> false;
            };
            from = ported ? 1 : -1;
            to = ported ? 65535 : -1;
        }
        return new NovaRule(rule.id(), rule.securityGroupId(), rule.protocol(), from, to, rule.remoteGroupId(),
                rule.remoteIpPrefix() == null || rule.remoteIpPrefix().isEmpty() ? "0.0.0.0/0" : rule.remoteIpPrefix());
    }
}
