package io.windlass.port.api;

import io.windlass.port.persistence.PortRecord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A port as Neutron shows it; host, vif and profile of the binding only to admins (binding extension policy). */
public final class PortView {
    private PortView() {
    }

    public static Map<String, Object> of(PortRecord p, boolean admin) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", p.id());
        v.put("name", p.name());
        v.put("network_id", p.networkId());
        v.put("tenant_id", p.projectId());
        v.put("mac_address", p.macAddress());
        v.put("admin_state_up", p.adminStateUp());
        v.put("status", p.status());
        v.put("device_id", p.deviceId());
        v.put("device_owner", p.deviceOwner());
        v.put("fixed_ips", p.fixedIps().stream().map(ip -> Map.of("subnet_id", ip.subnetId(),
                "ip_address", ip.ipAddress())).toList());
        v.put("allowed_address_pairs", List.of());
        v.put("extra_dhcp_opts", List.of());
        v.put("security_groups", p.securityGroups());
        v.put("description", p.description());
        v.put("binding:vnic_type", p.bindingVnicType());
        if (admin) {
            v.put("binding:profile", p.bindingProfile());
            v.put("binding:host_id", p.bindingHostId());
            v.put("binding:vif_type", p.bindingVifType());
            v.put("binding:vif_details", Map.of());
        }
        v.put("port_security_enabled", p.portSecurityEnabled());
        v.put("ip_allocation", "immediate");
        v.put("tags", List.of());
        v.put("created_at", p.createdAt());
        v.put("updated_at", p.updatedAt());
        v.put("revision_number", p.revisionNumber());
        v.put("project_id", p.projectId());
        return v;
    }
}
