package io.windlass.network.api;

import io.windlass.network.persistence.NetworkRecord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A network as Neutron shows it; the provider attributes only to admins (provider extension policy). */
public final class NetworkView {
    private NetworkView() {
    }

    public static Map<String, Object> of(NetworkRecord n, boolean admin) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", n.id());
        v.put("name", n.name());
        v.put("tenant_id", n.projectId());
        v.put("admin_state_up", n.adminStateUp());
        v.put("mtu", n.mtu());
        v.put("status", "ACTIVE");
        v.put("subnets", n.subnets());
        v.put("shared", n.shared());
        v.put("availability_zone_hints", List.of());
        v.put("availability_zones", List.of());
        v.put("ipv4_address_scope", null);
        v.put("ipv6_address_scope", null);
        v.put("router:external", false);
        v.put("description", n.description());
        v.put("port_security_enabled", n.portSecurityEnabled());
        v.put("tags", List.of());
        v.put("created_at", n.createdAt());
        v.put("updated_at", n.updatedAt());
        v.put("revision_number", n.revisionNumber());
        v.put("project_id", n.projectId());
        if (admin) {
            v.put("provider:network_type", "vxlan");
            v.put("provider:physical_network", null);
            v.put("provider:segmentation_id", n.segmentationId());
        }
        return v;
    }
}
