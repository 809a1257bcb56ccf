package io.windlass.securitygroup.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.validation.RequestFields;
import io.windlass.context.RequestContext;
import io.windlass.hypervisor.service.HypervisorIds;
import io.windlass.networking.NeutronException;
import io.windlass.networking.NeutronQuery;
import io.windlass.port.persistence.PortRecord;
import io.windlass.port.persistence.PortRepository;
import io.windlass.securitygroup.persistence.SecurityGroupRecord;
import io.windlass.securitygroup.persistence.SecurityGroupRuleRecord;
import io.windlass.securitygroup.service.SecurityGroupService;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.server.policy.ServerPolicy;
import io.windlass.server.service.ServerLookup;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Nova's security group proxy ({@code nova/api/openstack/compute/security_groups.py} over
 * {@code nova/network/security_group_api.py}): each call is the Networking API's
 * ({@link SecurityGroupService}, with the caller's rights there too, as Nova calls Neutron with the
 * caller's token), translated to Nova's format, and Neutron's refusals to the statuses Nova answers.
 * Nova passes on Neutron's message (without neutronclient's request-id line).
 */
@ApplicationScoped
public class ComputeSecurityGroups {
    private final SecurityGroupService groups;
    private final ServerLookup servers;
    private final PortRepository ports;

    public ComputeSecurityGroups(SecurityGroupService groups, ServerLookup servers, PortRepository ports) {
        this.groups = groups;
        this.servers = servers;
        this.ports = ports;
    }

    /**
     * The caller's project's groups, every project's for an admin asking {@code all_tenants}; sliced
     * before they are sorted, as Nova does.
     */
    public List<Map<String, Object>> list(RequestContext caller, boolean allTenants, long offset, int limit) {
        boolean everyProject = caller.isAdmin() && allTenants;
        if (!everyProject && caller.projectId() == null) {
            // a caller of no project owns no group (Nova would ask Neutron for tenant_id=None)
            return List.of();
        }
        Map<String, List<String>> filters = everyProject ? Map.of()
                : Map.of("tenant_id", List.of(caller.projectId()));
        List<SecurityGroupRecord> found = groups.list(new NeutronQuery(List.of(), null, null, filters)).stream()
                .skip(offset).limit(limit).toList();
        return NovaSecurityGroupView.sorted(view(found));
    }

    public Map<String, Object> show(String id) {
        SecurityGroupRecord group = neutron(() -> groups.show(uuid(id)), NeutronRefusal.CONFLICT_KEPT);
        return NovaSecurityGroupView.group(group, sources(List.of(group)));
    }

    /** Neutron's 409s (the name {@code default}, over quota) are Nova's 403. */
    public Map<String, Object> create(String name, String description) {
        SecurityGroupRecord group = neutron(() -> groups.create(nameAndDescription(name, description)),
                NeutronRefusal.CONFLICT_FORBIDDEN);
        return NovaSecurityGroupView.group(group, sources(List.of(group)));
    }

    /** Neutron's 409s (renaming default) stay 409: Nova does not expect them and answers 500. */
    public Map<String, Object> update(String id, String name, String description) {
        String uuid = uuid(id);
        neutron(() -> groups.show(uuid), NeutronRefusal.CONFLICT_KEPT);
        SecurityGroupRecord group = neutron(() -> groups.update(uuid, nameAndDescription(name, description)),
                NeutronRefusal.CONFLICT_KEPT);
        return NovaSecurityGroupView.group(group, sources(List.of(group)));
    }

    /** Neutron's 409s (in use, the default group) are Nova's 400. */
    public void delete(String id) {
        String uuid = uuid(id);
        neutron(() -> groups.show(uuid), NeutronRefusal.CONFLICT_KEPT);
        neutron(() -> {
            groups.delete(uuid);
            return null;
        }, NeutronRefusal.CONFLICT_BAD_REQUEST);
    }

    /**
     * @param body the schema-checked {@code security_group_rule}
     * @throws InvalidInputException Nova's own refusals, its duplicate check among them
     */
    public Map<String, Object> createRule(JsonNode body) {
        SecurityGroupRecord parent = neutron(() -> groups.show(uuid(body.path("parent_group_id").textValue())),
                NeutronRefusal.CONFLICT_KEPT);
        SourceGroup source = null;
        if (body.path("group_id").isTextual()) {
            SecurityGroupRecord group = neutron(() -> groups.show(uuid(body.path("group_id").textValue())),
                    NeutronRefusal.CONFLICT_KEPT);
            source = new SourceGroup(group.name(), group.projectId());
        }
        NovaIngressRule rule = NovaIngressRule.of(body);
        if (parent.rules().stream().filter(r -> r.direction().equals("ingress")).map(NovaRule::of)
                .anyMatch(rule::sameAs)) {
            throw InvalidInputException.badRequest("This rule already exists in group " + parent.id());
        }
        SecurityGroupRuleRecord created = neutron(() -> groups.createRule(neutronRule(parent.id(), rule)),
                NeutronRefusal.CONFLICT_FORBIDDEN);
        return NovaSecurityGroupView.rule(NovaRule.of(created), source);
    }

    public void deleteRule(String id) {
        String uuid = uuid(id);
        SecurityGroupRuleRecord rule = neutron(() -> groups.showRule(uuid), NeutronRefusal.CONFLICT_KEPT);
        neutron(() -> groups.show(rule.securityGroupId()), NeutronRefusal.CONFLICT_KEPT);
        neutron(() -> {
            groups.deleteRule(uuid);
            return null;
        }, NeutronRefusal.CONFLICT_KEPT);
    }

    /**
     * The groups of the server's ports that the caller sees, once for each port that has it, as Nova
     * lists them. A server on the engine's own network has no ports: its groups are the names it
     * holds (what its view shows), looked up in its project.
     */
    public List<Map<String, Object>> ofServer(RequestContext caller, String serverId) {
        ServerEntity server = servers.authorized(caller, serverId, ServerPolicy.SECURITY_GROUPS_LIST);
        List<PortRecord> held = ports.list(new NeutronQuery(List.of(), null, null,
                Map.of("device_id", List.of(server.uuid.toString()))), null);
        List<SecurityGroupRecord> found = held.isEmpty()
                ? server.securityGroups.stream().distinct().flatMap(name -> groups.list(new NeutronQuery(List.of(),
                        null, null, Map.of("tenant_id", List.of(server.projectId), "name", List.of(name)))).stream())
                        .toList()
                : held.stream().flatMap(p -> p.securityGroups().stream()).map(this::visible)
                        .flatMap(Optional::stream).toList();
        return NovaSecurityGroupView.sorted(view(found));
    }

    private List<Map<String, Object>> view(List<SecurityGroupRecord> found) {
        var sources = sources(found);
        return found.stream().map(g -> NovaSecurityGroupView.group(g, sources)).toList();
    }

    /** The source groups of rules: the groups at hand first, any other looked up as the caller sees it, once. */
    private Function<String, Optional<SourceGroup>> sources(List<SecurityGroupRecord> known) {
        Map<String, Optional<SourceGroup>> seen = new HashMap<>();
        known.forEach(g -> seen.put(g.id(), Optional.of(new SourceGroup(g.name(), g.projectId()))));
        return id -> seen.computeIfAbsent(id, missing -> visible(missing)
                .map(g -> new SourceGroup(g.name(), g.projectId())));
    }

    private Optional<SecurityGroupRecord> visible(String id) {
        try {
            return Optional.of(groups.show(id));
        } catch (NeutronException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Nova's {@code validate_id}: any form of uuid oslo accepts; looked up in its canonical form. */
    private static String uuid(String id) {
        return HypervisorIds.uuidLike(id).map(Object::toString).orElseThrow(() ->
                InvalidInputException.badRequest("Security group id should be uuid"));
    }

    /** Only what Nova sends Neutron ({@code _make_neutron_security_group_dict}); extra members go nowhere. */
    private static RequestFields nameAndDescription(String name, String description) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("name", name).put("description", description);
        return new RequestFields(node, JsonNodeFactory.instance.objectNode());
    }

    /** Nova's {@code _make_neutron_security_group_rules_list}: always ingress. */
    private static RequestFields neutronRule(String parentId, NovaIngressRule rule) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("security_group_id", parentId)
                .put("direction", "ingress").put("ethertype", rule.ethertype()).put("protocol", rule.protocol())
                .put("remote_ip_prefix", rule.cidr()).put("remote_group_id", rule.groupId());
        if (rule.portRangeMin() != null) {
            node.put("port_range_min", rule.portRangeMin());
        }
        if (rule.portRangeMax() != null) {
            node.put("port_range_max", rule.portRangeMax());
        }
        return new RequestFields(node, JsonNodeFactory.instance.objectNode());
    }

    private static <T> T neutron(Supplier<T> call, NeutronRefusal refusal) {
        try {
            return call.get();
        } catch (NeutronException e) {
            throw refusal.asNova(e);
        }
    }
}
