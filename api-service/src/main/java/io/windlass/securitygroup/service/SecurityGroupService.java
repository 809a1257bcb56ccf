package io.windlass.securitygroup.service;

import io.windlass.api.validation.RequestFields;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.network.SecurityGroupsChanged;
import io.windlass.networking.NetworkingPolicy;
import io.windlass.networking.NetworkingQuota;
import io.windlass.networking.NeutronCollectionService;
import io.windlass.networking.NeutronException;
import io.windlass.networking.NeutronQuery;
import io.windlass.securitygroup.persistence.SecurityGroupRecord;
import io.windlass.securitygroup.persistence.SecurityGroupRepository;
import io.windlass.securitygroup.persistence.SecurityGroupRuleRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigInteger;
import java.util.List;
import java.util.UUID;

/**
 * Security groups and their rules: stored, validated as Neutron validates them and attached to
 * ports. Their ingress rules are enforced by the hosts of the ports (docs/networking.md); a rule
 * change reaches them through {@code conductor.refresh_port_filters}, recorded with the change.
 * Egress rules are stored, not enforced.
 */
@ApplicationScoped
public class SecurityGroupService implements NeutronCollectionService<SecurityGroupRecord> {
    private final SecurityGroupRepository groups;
    private final NetworkingPolicy policy;
    private final NetworkingQuota quota;
    private final ConductorRpcApi conductor;

    public SecurityGroupService(SecurityGroupRepository groups, NetworkingPolicy policy, NetworkingQuota quota,
                                ConductorRpcApi conductor) {
        this.conductor = conductor;
        this.groups = groups;
        this.policy = policy;
        this.quota = quota;
    }

    @Transactional
    @Override
    public SecurityGroupRecord create(RequestFields given) {
        String project = project(given);
        policy.create("create_security_group", project);
        String name = given.has("name") ? given.text("name") : "";
        if (name.equals("default")) {
            groups.ensureDefault(project);
            throw NeutronException.conflict("SecurityGroupDefaultAlreadyExists", "Default security group already exists.");
        }
        return insert(project, name, given.has("description") ? given.text("description") : "",
                given.bool("stateful", true), List.of());
    }

    /**
     * A group another flow makes on a project's behalf (Zun's {@code exposed_ports}: {@code zun-<uuid>} opening
     * the container's ports), in the caller's transaction; no policy here, the flow has authorised its caller.
     *
     * @param rules rules besides Neutron's egress-anywhere pair, checked as the rules API checks them
     * @throws NeutronException OverQuota, or a rule the rules API would refuse
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SecurityGroupRecord createFor(String project, String name, List<RuleRequest> rules) {
        return insert(project, name, "", true, rules);
    }

    private SecurityGroupRecord insert(String project, String name, String description, boolean stateful,
                                       List<RuleRequest> rules) {
        groups.ensureDefault(project);
        quota.reserve(project, NetworkingQuota.Resource.SECURITY_GROUP, 1);
        String id = UUID.randomUUID().toString();
        groups.insert(new SecurityGroupRecord(id, project, name, description, false, stateful, List.of(), null, null, 1));
        // Neutron gives every new group egress-anywhere rules for both ethertypes
        for (String ethertype : List.of("IPv4", "IPv6")) {
            groups.insertRule(new SecurityGroupRuleRecord(UUID.randomUUID().toString(), id, project, "egress",
                    ethertype, null, null, null, null, null, "", null, null, 1));
        }
        if (!rules.isEmpty()) {
            quota.reserve(project, NetworkingQuota.Resource.SECURITY_GROUP_RULE, rules.size());
        }
        for (RuleRequest given : rules) {
            RuleRequest rule = RuleCheck.check(given);
            groups.insertRule(new SecurityGroupRuleRecord(UUID.randomUUID().toString(), id, project, rule.direction(),
                    rule.ethertype(), rule.protocol(), rule.portRangeMin(), rule.portRangeMax(), rule.remoteIpPrefix(),
                    rule.remoteGroupId(), "", null, null, 1));
        }
        return groups.find(id).orElseThrow();
    }

    /** The caller's project gets its default group on first sight, as Neutron does on list. */
    @Transactional
    @Override
    public List<SecurityGroupRecord> list(NeutronQuery query) {
        if (policy.caller().projectId() != null) {
            groups.ensureDefault(policy.caller().projectId());
        }
        return groups.list(query, policy.isAdmin() ? null : policy.caller().projectId());
    }

    @Transactional
    @Override
    public SecurityGroupRecord show(String id) {
        SecurityGroupRecord g = groups.find(id).orElseThrow(() -> notFound(id));
        policy.read(g.projectId(), false, () -> notFound(id));
        return g;
    }

    @Transactional
    @Override
    public SecurityGroupRecord update(String id, RequestFields given) {
        SecurityGroupRecord g = show(id);
        policy.write("update_security_group", g.projectId(), false, () -> notFound(id));
        String name = given.has("name") ? given.text("name") : g.name();
        if (g.isDefault() && !name.equals("default")) {
            throw NeutronException.conflict("SecurityGroupCannotUpdateDefault",
                    "Updating default security group not allowed.");
        }
        if (!g.isDefault() && name.equals("default")) {
            throw NeutronException.conflict("SecurityGroupDefaultAlreadyExists", "Default security group already exists.");
        }
        groups.update(id, name, given.has("description") ? given.text("description") : g.description());
        return groups.find(id).orElseThrow();
    }

    @Transactional
    @Override
    public void delete(String id) {
        SecurityGroupRecord g = show(id);
        policy.write("delete_security_group", g.projectId(), false, () -> notFound(id));
        if (g.isDefault() && !policy.isAdmin()) {
            throw NeutronException.conflict("SecurityGroupCannotRemoveDefault",
                    "Insufficient rights for removing default security group.");
        }
        if (!groups.lockUnused(id)) {
            throw NeutronException.conflict("SecurityGroupInUse", "Security Group " + id + " in use.");
        }
        groups.delete(id);
    }

    @Transactional
    public SecurityGroupRuleRecord createRule(RequestFields given) {
        String groupId = given.text("security_group_id");
        SecurityGroupRecord g = groups.find(groupId).orElseThrow(() -> notFound(groupId));
        policy.read(g.projectId(), false, () -> notFound(groupId));
        policy.write("create_security_group_rule", g.projectId(), false, () -> notFound(groupId));
        RuleRequest rule = RuleCheck.check(new RuleRequest(given.text("direction"), given.text("ethertype"),
                given.text("protocol"), integer(given, "port_range_min"), integer(given, "port_range_max"),
                given.text("remote_ip_prefix"), given.text("remote_group_id")));
        if (rule.remoteGroupId() != null) {
            SecurityGroupRecord remote = groups.find(rule.remoteGroupId()).orElseThrow(() -> notFound(rule.remoteGroupId()));
            policy.read(remote.projectId(), false, () -> notFound(rule.remoteGroupId()));
        }
        SecurityGroupRuleRecord row = new SecurityGroupRuleRecord(UUID.randomUUID().toString(), groupId, g.projectId(),
                rule.direction(), rule.ethertype(), rule.protocol(), rule.portRangeMin(), rule.portRangeMax(),
                rule.remoteIpPrefix(), rule.remoteGroupId(), given.has("description") ? given.text("description") : "",
                null, null, 1);
        groups.lockUnused(groupId);
        groups.sameRule(row).ifPresent(existing -> {
            throw NeutronException.conflict("SecurityGroupRuleExists",
                    "Security group rule already exists. Rule id is " + existing + ".");
        });
        quota.reserve(g.projectId(), NetworkingQuota.Resource.SECURITY_GROUP_RULE, 1);
        groups.insertRule(row);
        filtersChanged(groupId);
        return groups.findRule(row.id()).orElseThrow();
    }

    public List<SecurityGroupRuleRecord> listRules(NeutronQuery query) {
        return groups.listRules(query, policy.isAdmin() ? null : policy.caller().projectId());
    }

    public SecurityGroupRuleRecord showRule(String id) {
        SecurityGroupRuleRecord rule = groups.findRule(id).orElseThrow(() -> ruleNotFound(id));
        policy.read(rule.projectId(), false, () -> ruleNotFound(id));
        return rule;
    }

    @Transactional
    public void deleteRule(String id) {
        SecurityGroupRuleRecord rule = showRule(id);
        policy.write("delete_security_group_rule", rule.projectId(), false, () -> ruleNotFound(id));
        groups.deleteRule(id);
        filtersChanged(rule.securityGroupId());
    }

    /** The hosts enforcing the group learn of it once this commits (the cast is recorded with the change). */
    private void filtersChanged(String groupId) {
        conductor.refreshPortFilters(policy.caller(), new SecurityGroupsChanged(List.of(groupId), List.of()));
    }

    private String project(RequestFields given) {
        return given.has("project_id") ? given.text("project_id") : given.has("tenant_id") ? given.text("tenant_id")
                : policy.caller().projectId();
    }

    /** A port number as given; one beyond int is kept as the largest int, which RuleCheck then refuses as Neutron does. */
    private static Integer integer(RequestFields given, String field) {
        if (!given.has(field)) {
            return null;
        }
        BigInteger value = new BigInteger(given.text(field));
        return value.max(BigInteger.valueOf(Integer.MIN_VALUE)).min(BigInteger.valueOf(
                Integer.MAX_VALUE)).intValue();
    }

    static NeutronException notFound(String id) {
        return NeutronException.notFound("SecurityGroupNotFound", "Security group " + id + " does not exist");
    }

    static NeutronException ruleNotFound(String id) {
        return NeutronException.notFound("SecurityGroupRuleNotFound", "Security group rule " + id + " does not exist");
    }
}
