package io.windlass.securitygroup.api;

import io.windlass.securitygroup.persistence.SecurityGroupRecord;
import io.windlass.securitygroup.persistence.SecurityGroupRuleRecord;
import io.windlass.securitygroup.service.RuleCheck;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Security groups and rules as Neutron shows them. */
public final class SecurityGroupView {
    private SecurityGroupView() {
    }

    public static Map<String, Object> group(SecurityGroupRecord g) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", g.id());
        v.put("name", g.name());
        v.put("stateful", g.stateful());
        v.put("tenant_id", g.projectId());
        v.put("description", g.description());
        v.put("shared", false);
        v.put("security_group_rules", g.rules().stream().map(r -> rule(r, g.isDefault())).toList());
        v.put("tags", List.of());
        v.put("created_at", g.createdAt());
        v.put("updated_at", g.updatedAt());
        v.put("revision_number", g.revisionNumber());
        v.put("project_id", g.projectId());
        return v;
    }

    public static Map<String, Object> rule(SecurityGroupRuleRecord r, Boolean ofDefault) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", r.id());
        v.put("tenant_id", r.projectId());
        v.put("security_group_id", r.securityGroupId());
        v.put("ethertype", r.ethertype());
        v.put("direction", r.direction());
        v.put("protocol", r.protocol());
        v.put("port_range_min", r.portRangeMin());
        v.put("port_range_max", r.portRangeMax());
        v.put("remote_ip_prefix", r.remoteIpPrefix());
        v.put("remote_address_group_id", null);
        v.put("normalized_cidr", RuleCheck.normalized(r.remoteIpPrefix()));
        v.put("remote_group_id", r.remoteGroupId());
        v.put("description", r.description());
        if (ofDefault != null) {
            v.put("belongs_to_default_sg", ofDefault);
        }
        v.put("created_at", r.createdAt());
        v.put("updated_at", r.updatedAt());
        v.put("revision_number", r.revisionNumber());
        v.put("project_id", r.projectId());
        return v;
    }
}
