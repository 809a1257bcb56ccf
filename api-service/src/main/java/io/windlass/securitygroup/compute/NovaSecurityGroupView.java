package io.windlass.securitygroup.compute;

import io.windlass.securitygroup.persistence.SecurityGroupRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Security groups and rules in Nova's format ({@code security_groups.py} {@code _format_security_group}
 * and {@code _format_security_group_rule}), pure: only ingress rules (Nova has no others), a rule shows
 * either its source group or its {@code ip_range}.
 */
public final class NovaSecurityGroupView {
    private NovaSecurityGroupView() {
    }

    /**
     * @param sources a rule's source group by id, empty when the caller cannot see it: Nova then leaves the
     *                rule out (the group may have gone meanwhile)
     */
    public static Map<String, Object> group(SecurityGroupRecord group, Function<String, Optional<SourceGroup>> sources) {
        List<Map<String, Object>> rules = new ArrayList<>();
        group.rules().stream().filter(r -> r.direction().equals("ingress")).map(NovaRule::of).forEach(rule -> {
            if (rule.groupId() == null) {
                rules.add(rule(rule, null));
            } else {
                sources.apply(rule.groupId()).ifPresent(source -> rules.add(rule(rule, source)));
            }
        });
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", group.id());
        v.put("description", group.description());
        v.put("name", group.name());
        v.put("tenant_id", group.projectId());
        v.put("rules", rules);
        return v;
    }

    /** @param source the rule's source group, null for a rule on a cidr */
    public static Map<String, Object> rule(NovaRule rule, SourceGroup source) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", rule.id());
        v.put("parent_group_id", rule.parentGroupId());
        v.put("ip_protocol", rule.protocol());
        v.put("from_port", rule.fromPort());
        v.put("to_port", rule.toPort());
        Map<String, Object> group = new LinkedHashMap<>();
        Map<String, Object> range = new LinkedHashMap<>();
        if (source != null) {
            group.put("name", source.name());
            group.put("tenant_id", source.tenantId());
        } else {
            range.put("cidr", rule.cidr());
        }
        v.put("group", group);
        v.put("ip_range", range);
        return v;
    }

    /** Nova's lists are sorted by project, then name. */
    public static List<Map<String, Object>> sorted(List<Map<String, Object>> groups) {
        return groups.stream().sorted(Comparator.comparing((Map<String, Object> g) -> (String) g.get("tenant_id"))
                .thenComparing(g -> (String) g.get("name"))).toList();
    }
}
