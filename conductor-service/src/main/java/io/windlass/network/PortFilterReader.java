package io.windlass.network;

import io.windlass.network.PortFilterRules.FilteredPort;
import io.windlass.network.PortFilterRules.IngressRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads what the hosts' port filters are made of: the workload ports bound to each host with port
 * security on, their security groups and those groups' ingress rules, and the members of every
 * remote group. Native SQL on the networking tables (their mapping is the api-service's); the
 * decisions are {@link PortFilterRules}'.
 */
@ApplicationScoped
public class PortFilterReader {
    private final EntityManager em;

    public PortFilterReader(EntityManager em) {
        this.em = em;
    }

    /**
     * Every host that can carry tenant networks (it has an underlay address), each with its complete
     * list: a host without filtered ports gets an empty one, which removes what it had.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, UpdatePortFilters> all() {
        @SuppressWarnings("unchecked")
        List<String> hosts = em.createNativeQuery("SELECT host FROM compute_hosts WHERE underlay_address IS NOT NULL")
                .getResultList();
        return forHosts(hosts);
    }

    /**
     * The hosts whose filters change when these ports come or go: theirs, and those holding ports whose
     * groups let in a group these ports are members of (the default group lets in its own members),
     * and {@code alsoHost} when not null (the host a port just left).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, UpdatePortFilters> concerning(Collection<String> portIds, String alsoHost) {
        if (portIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<String> found = em.createNativeQuery("""
                SELECT p.binding_host_id FROM ports p WHERE p.id = ANY (cast(:ids as uuid[])) AND p.binding_host_id <> ''
                UNION
                SELECT p.binding_host_id FROM port_security_groups mine
                  JOIN security_group_rules r ON r.remote_group_id = mine.security_group_id
                  JOIN port_security_groups theirs ON theirs.security_group_id = r.security_group_id
                  JOIN ports p ON p.id = theirs.port_id
                 WHERE mine.port_id = ANY (cast(:ids as uuid[])) AND p.binding_host_id <> ''""")
                .setParameter("ids", array(portIds)).getResultList();
        Set<String> hosts = new TreeSet<>(found);
        if (alsoHost != null) {
            hosts.add(alsoHost);
        }
        return forHosts(hosts);
    }

    /**
     * The hosts whose filters change with these groups and ports: those holding a member of one of
     * the groups or one of the ports, or a member of a group that lets one of the groups in.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, UpdatePortFilters> concerningGroups(Collection<String> groupIds, Collection<String> portIds) {
        @SuppressWarnings("unchecked")
        List<String> found = em.createNativeQuery("""
                SELECT p.binding_host_id FROM ports p WHERE p.id = ANY (cast(:ports as uuid[])) AND p.binding_host_id <> ''
                UNION
                SELECT p.binding_host_id FROM port_security_groups m JOIN ports p ON p.id = m.port_id
                 WHERE m.security_group_id = ANY (cast(:groups as uuid[])) AND p.binding_host_id <> ''
                UNION
                SELECT p.binding_host_id FROM security_group_rules r
                  JOIN port_security_groups m ON m.security_group_id = r.security_group_id
                  JOIN ports p ON p.id = m.port_id
                 WHERE r.remote_group_id = ANY (cast(:groups as uuid[])) AND p.binding_host_id <> ''""")
                .setParameter("ports", array(portIds)).setParameter("groups", array(groupIds)).getResultList();
        return forHosts(found);
    }

    private Map<String, UpdatePortFilters> forHosts(Collection<String> hostNames) {
        Map<String, UpdatePortFilters> out = new TreeMap<>();
        if (hostNames.isEmpty()) {
            return out;
        }
        List<FilteredPort> ports = ports(hostNames);
        List<String> portIds = ports.stream().map(FilteredPort::portId).toList();
        Map<String, Set<String>> groupsOfPort = groupsOf(portIds);
        Set<String> groups = new TreeSet<>();
        groupsOfPort.values().forEach(groups::addAll);
        List<IngressRow> rules = ingressRules(groups);
        Set<String> remote = new TreeSet<>();
        rules.stream().map(IngressRow::remoteGroupId).filter(g -> g != null).forEach(remote::add);
        List<PortFilter> filters = PortFilterRules.filters(ports, groupsOfPort, rules, members(remote));
        Map<String, List<PortFilter>> byHost = new HashMap<>();
        for (int i = 0; i < ports.size(); i++) {
            byHost.computeIfAbsent(ports.get(i).host(), h -> new ArrayList<>()).add(filters.get(i));
        }
        for (String host : new TreeSet<>(hostNames)) {
            out.put(host, new UpdatePortFilters(byHost.getOrDefault(host, List.of())));
        }
        return out;
    }

    /** The workload ports (not routers' or DHCP's) bound to these hosts with port security on. */
    @SuppressWarnings("unchecked")
    private List<FilteredPort> ports(Collection<String> hostNames) {
        Map<String, List<String>> addresses = new HashMap<>();
        Map<String, Object[]> rows = new LinkedHashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                SELECT cast(p.id as text), cast(p.network_id as text), n.segmentation_id, p.binding_host_id,
                       host(a.address)
                  FROM ports p JOIN networks n ON n.id = p.network_id
                  LEFT JOIN ip_allocations a ON a.port_id = p.id
                 WHERE p.binding_host_id = ANY (cast(:hosts as text[])) AND p.port_security_enabled
                   AND p.device_owner LIKE 'compute:%'
                 ORDER BY p.binding_host_id, p.id, family(a.address), a.address""")
                .setParameter("hosts", array(hostNames)).getResultList()) {
            rows.putIfAbsent((String) r[0], r);
            if (r[4] != null) {
                addresses.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((String) r[4]);
            }
        }
        return rows.values().stream().map(r -> new FilteredPort((String) r[0], (String) r[1],
                ((Number) r[2]).intValue(), (String) r[3], addresses.getOrDefault((String) r[0], List.of()))).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Set<String>> groupsOf(List<String> portIds) {
        Map<String, Set<String>> out = new HashMap<>();
        if (portIds.isEmpty()) {
            return out;
        }
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT cast(port_id as text), "
                        + "cast(security_group_id as text) FROM port_security_groups "
                        + "WHERE port_id = ANY (cast(:ids as uuid[]))")
                .setParameter("ids", array(portIds)).getResultList()) {
            out.computeIfAbsent((String) r[0], k -> new TreeSet<>()).add((String) r[1]);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<IngressRow> ingressRules(Set<String> groups) {
        if (groups.isEmpty()) {
            return List.of();
        }
        List<IngressRow> out = new ArrayList<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                SELECT cast(security_group_id as text), ethertype, protocol, port_range_min, port_range_max,
                       cast(network(remote_ip_prefix) as text), cast(remote_group_id as text)
                  FROM security_group_rules
                 WHERE direction = 'ingress' AND security_group_id = ANY (cast(:ids as uuid[]))
                 ORDER BY security_group_id, id""")
                .setParameter("ids", array(groups)).getResultList()) {
            out.add(new IngressRow((String) r[0], (String) r[1], (String) r[2], integer(r[3]), integer(r[4]),
                    (String) r[5], (String) r[6]));
        }
        return out;
    }

    /** Group id → the addresses of its member ports, wherever they are. */
    @SuppressWarnings("unchecked")
    private Map<String, List<String>> members(Set<String> groups) {
        Map<String, List<String>> out = new HashMap<>();
        if (groups.isEmpty()) {
            return out;
        }
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT cast(g.security_group_id as text), "
                        + "host(a.address) FROM port_security_groups g JOIN ip_allocations a ON a.port_id = g.port_id "
                        + "WHERE g.security_group_id = ANY (cast(:ids as uuid[])) ORDER BY a.address")
                .setParameter("ids", array(groups)).getResultList()) {
            out.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((String) r[1]);
        }
        return out;
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    private static String array(Collection<String> values) {
        return "{" + String.join(",", values) + "}";
    }
}
