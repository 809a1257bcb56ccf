package io.windlass.securitygroup.persistence;

import io.windlass.networking.NeutronQuery;
import io.windlass.networking.Rows;
import io.windlass.networking.SqlFilters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Native SQL on {@code security_groups}, {@code security_group_rules} and the port attachments. */
@ApplicationScoped
public class SecurityGroupRepository {
    private static final String SELECT = "SELECT cast(g.id as text), g.project_id, g.name, g.description, g.is_default, "
            + "g.stateful, " + Rows.timestamp("g.created_at") + ", " + Rows.timestamp("g.updated_at")
            + ", g.revision_number FROM security_groups g";
    private static final String RULES = "SELECT cast(r.id as text), cast(r.security_group_id as text), r.project_id, "
            + "r.direction, r.ethertype, r.protocol, r.port_range_min, r.port_range_max, cast(r.remote_ip_prefix as text), "
            + "cast(r.remote_group_id as text), r.description, " + Rows.timestamp("r.created_at") + ", "
            + Rows.timestamp("r.updated_at") + ", r.revision_number FROM security_group_rules r";
    private static final Map<String, String> GROUP_FILTERS = Map.of("id", "g.id", "name", "g.name", "project_id",
            "g.project_id", "tenant_id", "g.project_id", "description", "g.description");
    private static final Map<String, String> RULE_FILTERS = Map.ofEntries(Map.entry("id", "r.id"),
            Map.entry("security_group_id", "r.security_group_id"), Map.entry("direction", "r.direction"),
            Map.entry("ethertype", "r.ethertype"), Map.entry("protocol", "r.protocol"),
            Map.entry("port_range_min", "r.port_range_min"), Map.entry("port_range_max", "r.port_range_max"),
            Map.entry("remote_ip_prefix", "r.remote_ip_prefix"), Map.entry("remote_group_id", "r.remote_group_id"),
            Map.entry("project_id", "r.project_id"), Map.entry("tenant_id", "r.project_id"));

    private final EntityManager em;

    public SecurityGroupRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * The project's {@code default} group, made with Neutron's default rules on first use: ingress
     * from members of the same group and egress anywhere, for IPv4 and IPv6. The partial unique
     * index makes concurrent first uses agree on one group.
     */
    public String ensureDefault(String projectId) {
        String id = UUID.randomUUID().toString();
        int inserted = em.createNativeQuery("INSERT INTO security_groups (id, project_id, name, description, is_default) "
                        + "VALUES (cast(:id as uuid), :project, 'default', 'Default security group', true) "
                        + "ON CONFLICT (project_id) WHERE is_default DO NOTHING")
                .setParameter("id", id).setParameter("project", projectId).executeUpdate();
        if (inserted == 1) {
            for (String ethertype : List.of("IPv4", "IPv6")) {
                insertRule(new SecurityGroupRuleRecord(UUID.randomUUID().toString(), id, projectId, "ingress", ethertype,
                        null, null, null, null, id, "", null, null, 1));
                insertRule(new SecurityGroupRuleRecord(UUID.randomUUID().toString(), id, projectId, "egress", ethertype,
                        null, null, null, null, null, "", null, null, 1));
            }
            return id;
        }
        return (String) em.createNativeQuery("SELECT cast(id as text) FROM security_groups WHERE project_id = :project "
                + "AND is_default").setParameter("project", projectId).getSingleResult();
    }

    public Optional<SecurityGroupRecord> find(String id) {
        if (!Rows.isUuid(id)) {
            return Optional.empty();
        }
        return groups(em.createNativeQuery(SELECT + " WHERE g.id = cast(:id as uuid)").setParameter("id", id)
                .getResultList()).stream().findFirst();
    }

    /** The project's groups that {@code ref} names, by id or by name (Nova's name-or-id look-up: several by a name). */
    public List<SecurityGroupRecord> findByNameOrId(String projectId, String ref) {
        String byId = Rows.isUuid(ref) ? " OR g.id = cast(:ref as uuid)" : "";
        return groups(em.createNativeQuery(SELECT + " WHERE g.project_id = :project AND (g.name = :ref" + byId + ")")
                .setParameter("project", projectId).setParameter("ref", ref).getResultList());
    }

    public List<SecurityGroupRecord> list(NeutronQuery query, String visibleTo) {
        SqlFilters filters = new SqlFilters(query, GROUP_FILTERS, Set.of(), Set.of("id"));
        if (visibleTo != null) {
            filters.raw("g.project_id = :caller", Map.of("caller", visibleTo));
        }
        return groups(filters.query(em, SELECT, "cast(g.id as text)", query).getResultList());
    }

    public void insert(SecurityGroupRecord g) {
        em.createNativeQuery("INSERT INTO security_groups (id, project_id, name, description, stateful) "
                        + "VALUES (cast(:id as uuid), :project, :name, :description, :stateful)")
                .setParameter("id", g.id()).setParameter("project", g.projectId()).setParameter("name", g.name())
                .setParameter("description", g.description()).setParameter("stateful", g.stateful()).executeUpdate();
    }

    public void update(String id, String name, String description) {
        em.createNativeQuery("UPDATE security_groups SET name = :name, description = :description, updated_at = now(), "
                        + "revision_number = revision_number + 1 WHERE id = cast(:id as uuid)")
                .setParameter("id", id).setParameter("name", name).setParameter("description", description)
                .executeUpdate();
    }

    public boolean inUse(String id) {
        return !em.createNativeQuery("SELECT 1 FROM port_security_groups WHERE security_group_id = cast(:id as uuid) LIMIT 1")
                .setParameter("id", id).getResultList().isEmpty();
    }

    /** Locks the group against attachments made meanwhile, then deletes it with its rules. */
    public boolean lockUnused(String id) {
        em.createNativeQuery("SELECT 1 FROM security_groups WHERE id = cast(:id as uuid) FOR UPDATE")
                .setParameter("id", id).getResultList();
        return !inUse(id);
    }

    public void delete(String id) {
        em.createNativeQuery("DELETE FROM security_groups WHERE id = cast(:id as uuid)").setParameter("id", id)
                .executeUpdate();
    }

    /** Locks the groups (so none is deleted before the attachment commits) and answers which exist. */
    public List<SecurityGroupRecord> lockAll(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return groups(em.createNativeQuery(SELECT + " WHERE cast(g.id as text) IN (:ids) FOR SHARE")
                .setParameter("ids", ids).getResultList());
    }

    public void attach(String portId, List<String> groupIds) {
        em.createNativeQuery("DELETE FROM port_security_groups WHERE port_id = cast(:port as uuid)")
                .setParameter("port", portId).executeUpdate();
        for (String group : groupIds) {
            em.createNativeQuery("INSERT INTO port_security_groups (port_id, security_group_id) "
                            + "VALUES (cast(:port as uuid), cast(:group as uuid)) ON CONFLICT DO NOTHING")
                    .setParameter("port", portId).setParameter("group", group).executeUpdate();
        }
    }

    public Optional<SecurityGroupRuleRecord> findRule(String id) {
        if (!Rows.isUuid(id)) {
            return Optional.empty();
        }
        return rules(em.createNativeQuery(RULES + " WHERE r.id = cast(:id as uuid)").setParameter("id", id)
                .getResultList()).stream().findFirst();
    }

    public List<SecurityGroupRuleRecord> listRules(NeutronQuery query, String visibleTo) {
        SqlFilters filters = new SqlFilters(query, RULE_FILTERS, Set.of(),
                Set.of("id", "security_group_id", "remote_group_id"));
        if (visibleTo != null) {
            filters.raw("r.project_id = :caller OR EXISTS (SELECT 1 FROM security_groups g "
                    + "WHERE g.id = r.security_group_id AND g.project_id = :caller)", Map.of("caller", visibleTo));
        }
        return rules(filters.query(em, RULES, "cast(r.id as text)", query).getResultList());
    }

    /** A rule of the group with the same match as {@code rule}, if one exists. */
    public Optional<String> sameRule(SecurityGroupRuleRecord rule) {
        List<?> found = em.createNativeQuery("SELECT cast(id as text) FROM security_group_rules "
                        + "WHERE security_group_id = cast(:group as uuid) AND direction = :direction "
                        + "AND ethertype = :ethertype AND protocol IS NOT DISTINCT FROM cast(:protocol as text) "
                        + "AND port_range_min IS NOT DISTINCT FROM cast(:min as integer) "
                        + "AND port_range_max IS NOT DISTINCT FROM cast(:max as integer) "
                        + "AND remote_ip_prefix IS NOT DISTINCT FROM cast(:prefix as inet) "
                        + "AND remote_group_id IS NOT DISTINCT FROM cast(:remote as uuid)")
                .setParameter("group", rule.securityGroupId()).setParameter("direction", rule.direction())
                .setParameter("ethertype", rule.ethertype()).setParameter("protocol", rule.protocol())
                .setParameter("min", rule.portRangeMin()).setParameter("max", rule.portRangeMax())
                .setParameter("prefix", rule.remoteIpPrefix()).setParameter("remote", rule.remoteGroupId())
                .getResultList();
        return found.stream().findFirst().map(Object::toString);
    }

    public void insertRule(SecurityGroupRuleRecord r) {
        em.createNativeQuery("""
                        INSERT INTO security_group_rules (id, security_group_id, project_id, direction, ethertype, protocol,
                               port_range_min, port_range_max, remote_ip_prefix, remote_group_id, description)
                        VALUES (cast(:id as uuid), cast(:group as uuid), :project, :direction, :ethertype,
                                cast(:protocol as text), cast(:min as integer), cast(:max as integer),
                                cast(:prefix as inet), cast(:remote as uuid), :description)""")
                .setParameter("id", r.id()).setParameter("group", r.securityGroupId()).setParameter("project", r.projectId())
                .setParameter("direction", r.direction()).setParameter("ethertype", r.ethertype())
                .setParameter("protocol", r.protocol()).setParameter("min", r.portRangeMin())
                .setParameter("max", r.portRangeMax()).setParameter("prefix", r.remoteIpPrefix())
                .setParameter("remote", r.remoteGroupId()).setParameter("description", r.description())
                .executeUpdate();
    }

    public void deleteRule(String id) {
        em.createNativeQuery("DELETE FROM security_group_rules WHERE id = cast(:id as uuid)").setParameter("id", id)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<SecurityGroupRecord> groups(List<?> rows) {
        List<SecurityGroupRecord> out = new ArrayList<>();
        for (Object[] row : (List<Object[]>) rows) {
            Rows r = new Rows(row);
            List<SecurityGroupRuleRecord> rules = rules(em.createNativeQuery(RULES
                    + " WHERE r.security_group_id = cast(:id as uuid) ORDER BY r.created_at, r.id")
                    .setParameter("id", r.text(0)).getResultList());
            out.add(new SecurityGroupRecord(r.text(0), r.text(1), r.text(2), r.text(3), r.bool(4), r.bool(5), rules,
                    r.text(6), r.text(7), r.integer(8)));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<SecurityGroupRuleRecord> rules(List<?> rows) {
        return ((List<Object[]>) rows).stream().map(Rows::new).map(r -> new SecurityGroupRuleRecord(r.text(0),
                r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.row()[6] == null ? null : r.integer(6),
                r.row()[7] == null ? null : r.integer(7), r.text(8), r.text(9), r.text(10), r.text(11), r.text(12),
                r.integer(13))).toList();
    }
}
