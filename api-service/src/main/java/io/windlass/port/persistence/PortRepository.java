package io.windlass.port.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.windlass.networking.NeutronException;
import io.windlass.networking.NeutronQuery;
import io.windlass.networking.Rows;
import io.windlass.networking.SqlFilters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Native SQL on {@code ports}. */
@ApplicationScoped
public class PortRepository {
    private static final String SELECT = "SELECT cast(p.id as text), cast(p.network_id as text), p.project_id, p.name, "
            + "p.description, cast(p.mac_address as text), p.admin_state_up, p.status, p.device_id, p.device_owner, "
            + "p.binding_host_id, p.binding_vif_type, p.binding_vnic_type, cast(p.binding_profile as text), "
            + "p.port_security_enabled, (SELECT string_agg(cast(a.subnet_id as text) || '=' || host(a.address), ',' "
            + "ORDER BY a.address) FROM ip_allocations a WHERE a.port_id = p.id), "
            + "(SELECT string_agg(cast(g.security_group_id as text), ',' ORDER BY g.security_group_id) "
            + "FROM port_security_groups g WHERE g.port_id = p.id), " + Rows.timestamp("p.created_at") + ", "
            + Rows.timestamp("p.updated_at") + ", p.revision_number FROM ports p";
    private static final Map<String, String> FILTERS = Map.ofEntries(Map.entry("id", "p.id"),
            Map.entry("name", "p.name"), Map.entry("network_id", "p.network_id"), Map.entry("device_id", "p.device_id"),
            Map.entry("device_owner", "p.device_owner"), Map.entry("mac_address", "p.mac_address"),
            Map.entry("status", "p.status"), Map.entry("project_id", "p.project_id"),
            Map.entry("tenant_id", "p.project_id"), Map.entry("admin_state_up", "p.admin_state_up"),
            Map.entry("binding:host_id", "p.binding_host_id"), Map.entry("description", "p.description"),
            Map.entry("binding:vif_type", "p.binding_vif_type"));
    private static final TypeReference<Map<String, Object>> PROFILE = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper json;

    public PortRepository(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    public Optional<PortRecord> find(String id) {
        if (!Rows.isUuid(id)) {
            return Optional.empty();
        }
        return read(em.createNativeQuery(SELECT + " WHERE p.id = cast(:id as uuid)").setParameter("id", id)
                .getResultList()).stream().findFirst();
    }

    /** The row locked for a change, so that two binds or updates of one port serialise. */
    public Optional<PortRecord> lock(String id) {
        if (!Rows.isUuid(id)) {
            return Optional.empty();
        }
        return read(em.createNativeQuery(SELECT + " WHERE p.id = cast(:id as uuid) FOR UPDATE OF p")
                .setParameter("id", id).getResultList()).stream().findFirst();
    }

    /** @param visibleTo the caller's project, null for an admin */
    public List<PortRecord> list(NeutronQuery query, String visibleTo) {
        SqlFilters filters = new SqlFilters(query, FILTERS, Set.of("admin_state_up"), Set.of("id", "network_id"));
        List<String> fixedIps = query.filters().getOrDefault("fixed_ips", List.of());
        for (int i = 0; i < fixedIps.size(); i++) {
            // fixed_ips=ip_address=198.18.10.5, fixed_ips=subnet_id=<id>, fixed_ips=ip_address_substr=198.18.10: each
            // value is one more condition on some address of the port
            String fixedIp = fixedIps.get(i);
            int eq = fixedIp.indexOf('=');
            String key = eq < 0 ? "" : fixedIp.substring(0, eq);
            String parameter = "ip" + i;
            String condition = switch (key) {
                case "ip_address" -> "host(a.address) = :" + parameter;
                case "subnet_id" -> "cast(a.subnet_id as text) = :" + parameter;
                case "ip_address_substr" -> "strpos(host(a.address), :" + parameter + ") > 0";
                default -> throw NeutronException.invalidAttribute("fixed_ips", "'" + fixedIp
                        + "' is not a valid fixed_ips filter");
            };
            filters.raw("EXISTS (SELECT 1 FROM ip_allocations a WHERE a.port_id = p.id AND " + condition + ")",
                    Map.of(parameter, fixedIp.substring(eq + 1)));
        }
        if (visibleTo != null) {
            filters.raw("p.project_id = :caller", Map.of("caller", visibleTo));
        }
        return read(filters.query(em, SELECT, "cast(p.id as text)", query).getResultList());
    }

    /** Inserts unless the MAC is taken on the network; answers whether the row went in. */
    public boolean insert(PortRecord p) {
        return columns(em.createNativeQuery("""
                        INSERT INTO ports (id, network_id, project_id, name, description, mac_address, admin_state_up,
                                           status, device_id, device_owner, binding_host_id, binding_vif_type,
                                           binding_vnic_type, binding_profile, port_security_enabled)
                        VALUES (cast(:id as uuid), cast(:network as uuid), :project, :name, :description,
                                cast(:mac as macaddr), :up, :status, :device, :owner, :host, :vif, :vnic,
                                cast(:profile as jsonb), :security)
                        ON CONFLICT (network_id, mac_address) DO NOTHING""")
                .setParameter("network", p.networkId()).setParameter("project", p.projectId()), p)
                .executeUpdate() == 1;
    }

    /** Writes every changeable column; answers false when the new MAC is taken on the network. */
    public boolean update(PortRecord p) {
        if (!em.createNativeQuery("SELECT 1 FROM ports WHERE network_id = cast(:network as uuid) "
                        + "AND mac_address = cast(:mac as macaddr) AND id <> cast(:id as uuid)")
                .setParameter("network", p.networkId()).setParameter("mac", p.macAddress()).setParameter("id", p.id())
                .getResultList().isEmpty()) {
            return false;
        }
        columns(em.createNativeQuery("""
                        UPDATE ports SET name = :name, description = :description, mac_address = cast(:mac as macaddr),
                               admin_state_up = :up, status = :status, device_id = :device, device_owner = :owner,
                               binding_host_id = :host, binding_vif_type = :vif, binding_vnic_type = :vnic,
                               binding_profile = cast(:profile as jsonb), port_security_enabled = :security,
                               updated_at = now(), revision_number = revision_number + 1
                        WHERE id = cast(:id as uuid)"""), p)
                .executeUpdate();
        return true;
    }

    /** Binds the columns an insert and an update both write. */
    private Query columns(Query query, PortRecord p) {
        return query.setParameter("id", p.id()).setParameter("name", p.name())
                .setParameter("description", p.description()).setParameter("mac", p.macAddress())
                .setParameter("up", p.adminStateUp()).setParameter("status", p.status())
                .setParameter("device", p.deviceId()).setParameter("owner", p.deviceOwner())
                .setParameter("host", p.bindingHostId()).setParameter("vif", p.bindingVifType())
                .setParameter("vnic", p.bindingVnicType()).setParameter("profile", write(p.bindingProfile()))
                .setParameter("security", p.portSecurityEnabled());
    }

    /** The port; its addresses and security group attachments go with it (ON DELETE CASCADE). */
    public void delete(String id) {
        em.createNativeQuery("DELETE FROM ports WHERE id = cast(:id as uuid)").setParameter("id", id).executeUpdate();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value == null ? Map.of() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<PortRecord> read(List<?> rows) {
        return ((List<Object[]>) rows).stream().map(Rows::new).map(r -> {
            try {
                List<FixedIp> ips = r.list(15).stream().map(pair -> pair.split("=", 2))
                        .map(pair -> new FixedIp(pair[0], pair[1])).toList();
                return new PortRecord(r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.bool(6),
                        r.text(7), r.text(8), r.text(9), r.text(10), r.text(11), r.text(12),
                        json.readValue(r.text(13), PROFILE), r.bool(14), ips, r.list(16), r.text(17), r.text(18),
                        r.integer(19));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable port row " + r.text(0), e);
            }
        }).toList();
    }
}
