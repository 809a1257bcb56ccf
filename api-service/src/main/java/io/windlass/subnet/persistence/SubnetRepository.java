package io.windlass.subnet.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.windlass.networking.NeutronQuery;
import io.windlass.networking.Rows;
import io.windlass.networking.SqlFilters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Native SQL on {@code subnets}. */
@ApplicationScoped
public class SubnetRepository {
    private static final String SELECT = "SELECT cast(s.id as text), cast(s.network_id as text), s.project_id, s.name, "
            + "s.description, s.ip_version, cast(s.cidr as text), host(s.gateway_ip), cast(s.allocation_pools as text), "
            + "s.enable_dhcp, cast(s.dns_nameservers as text), cast(s.host_routes as text), s.ipv6_address_mode, "
            + "s.ipv6_ra_mode, " + Rows.timestamp("s.created_at") + ", " + Rows.timestamp("s.updated_at")
            + ", s.revision_number FROM subnets s";
    private static final Map<String, String> FILTERS = Map.of("id", "s.id", "name", "s.name", "network_id",
            "s.network_id", "ip_version", "s.ip_version", "cidr", "s.cidr", "gateway_ip", "host(s.gateway_ip)",
            "enable_dhcp", "s.enable_dhcp", "project_id", "s.project_id", "tenant_id", "s.project_id",
            "description", "s.description");
    private static final TypeReference<List<Map<String, String>>> MAPS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper json;

    public SubnetRepository(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    public Optional<SubnetRecord> find(String id) {
        if (!Rows.isUuid(id)) {
            return Optional.empty();
        }
        return read(em.createNativeQuery(SELECT + " WHERE s.id = cast(:id as uuid)").setParameter("id", id)
                .getResultList()).stream().findFirst();
    }

    /** The subnet locked against concurrent changes and deletes, for allocations from it. */
    public Optional<SubnetRecord> lock(String id, boolean exclusive) {
        if (!Rows.isUuid(id)) {
            return Optional.empty();
        }
        return read(em.createNativeQuery(SELECT + " WHERE s.id = cast(:id as uuid) FOR " + (exclusive ? "UPDATE" : "SHARE"))
                .setParameter("id", id).getResultList()).stream().findFirst();
    }

    public List<SubnetRecord> ofNetwork(String networkId) {
        return read(em.createNativeQuery(SELECT + " WHERE s.network_id = cast(:n as uuid) ORDER BY s.created_at, s.id")
                .setParameter("n", networkId).getResultList());
    }

    /** @param visibleTo the caller's project (who also sees subnets of shared networks), null for an admin */
    public List<SubnetRecord> list(NeutronQuery query, String visibleTo) {
        SqlFilters filters = new SqlFilters(query, FILTERS, Set.of("enable_dhcp"), Set.of("id", "network_id"));
        if (visibleTo != null) {
            filters.raw("s.project_id = :caller OR EXISTS (SELECT 1 FROM networks n WHERE n.id = s.network_id "
                    + "AND n.shared)", Map.of("caller", visibleTo));
        }
        return read(filters.query(em, SELECT, "cast(s.id as text)", query).getResultList());
    }

    public void insert(SubnetRecord s) {
        em.createNativeQuery("""
                        INSERT INTO subnets (id, network_id, project_id, name, description, ip_version, cidr, gateway_ip,
                                             allocation_pools, enable_dhcp, dns_nameservers, host_routes,
                                             ipv6_address_mode, ipv6_ra_mode)
                        VALUES (cast(:id as uuid), cast(:network as uuid), :project, :name, :description, :version,
                                cast(:cidr as cidr), cast(:gateway as inet), cast(:pools as jsonb), :dhcp,
                                cast(:dns as jsonb), cast(:routes as jsonb), :v6address, :v6ra)""")
                .setParameter("id", s.id()).setParameter("network", s.networkId()).setParameter("project", s.projectId())
                .setParameter("name", s.name()).setParameter("description", s.description())
                .setParameter("version", s.ipVersion()).setParameter("cidr", s.cidr())
                .setParameter("gateway", s.gatewayIp()).setParameter("pools", write(s.allocationPools()))
                .setParameter("dhcp", s.enableDhcp()).setParameter("dns", write(s.dnsNameservers()))
                .setParameter("routes", write(s.hostRoutes())).setParameter("v6address", s.ipv6AddressMode())
                .setParameter("v6ra", s.ipv6RaMode()).executeUpdate();
    }

    public void update(SubnetRecord s) {
        em.createNativeQuery("""
                        UPDATE subnets SET name = :name, description = :description, gateway_ip = cast(:gateway as inet),
                               allocation_pools = cast(:pools as jsonb), enable_dhcp = :dhcp,
                               dns_nameservers = cast(:dns as jsonb), host_routes = cast(:routes as jsonb),
                               updated_at = now(), revision_number = revision_number + 1
                        WHERE id = cast(:id as uuid)""")
                .setParameter("id", s.id()).setParameter("name", s.name()).setParameter("description", s.description())
                .setParameter("gateway", s.gatewayIp()).setParameter("pools", write(s.allocationPools()))
                .setParameter("dhcp", s.enableDhcp()).setParameter("dns", write(s.dnsNameservers()))
                .setParameter("routes", write(s.hostRoutes())).executeUpdate();
    }

    /** Whether a port other than a router interface holds an address of the subnet. */
    public boolean hasUserAllocations(String id) {
        return !em.createNativeQuery("SELECT 1 FROM ip_allocations a JOIN ports p ON p.id = a.port_id "
                        + "WHERE a.subnet_id = cast(:id as uuid) AND p.device_owner <> 'network:router_interface' LIMIT 1")
                .setParameter("id", id).getResultList().isEmpty();
    }

    /** The subnet, its router interfaces' addresses, and router ports left without any address. */
    public void delete(String id) {
        @SuppressWarnings("unchecked")
        List<Object> routerPorts = em.createNativeQuery("DELETE FROM ip_allocations WHERE subnet_id = cast(:id as uuid) "
                + "RETURNING cast(port_id as text)").setParameter("id", id).getResultList();
        if (!routerPorts.isEmpty()) {
            em.createNativeQuery("DELETE FROM ports p WHERE cast(p.id as text) IN (:ports) "
                            + "AND NOT EXISTS (SELECT 1 FROM ip_allocations a WHERE a.port_id = p.id)")
                    .setParameter("ports", routerPorts).executeUpdate();
        }
        em.createNativeQuery("DELETE FROM subnets WHERE id = cast(:id as uuid)").setParameter("id", id).executeUpdate();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<SubnetRecord> read(List<?> rows) {
        return ((List<Object[]>) rows).stream().map(Rows::new).map(r -> {
            try {
                return new SubnetRecord(r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.integer(5), r.text(6),
                        r.text(7), json.readValue(r.text(8), MAPS), r.bool(9), json.readValue(r.text(10), STRINGS),
                        json.readValue(r.text(11), MAPS), r.text(12), r.text(13), r.text(14), r.text(15), r.integer(16));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable subnet row " + r.text(0), e);
            }
        }).toList();
    }
}
