package io.windlass.subnet.api;

import io.windlass.subnet.persistence.SubnetRecord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A subnet as Neutron shows it. */
public final class SubnetView {
    private SubnetView() {
    }

    public static Map<String, Object> of(SubnetRecord s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", s.id());
        v.put("name", s.name());
        v.put("tenant_id", s.projectId());
        v.put("network_id", s.networkId());
        v.put("ip_version", s.ipVersion());
        v.put("subnetpool_id", null);
        v.put("enable_dhcp", s.enableDhcp());
        v.put("ipv6_ra_mode", s.ipv6RaMode());
        v.put("ipv6_address_mode", s.ipv6AddressMode());
        v.put("gateway_ip", s.gatewayIp());
        v.put("cidr", s.cidr());
        v.put("allocation_pools", s.allocationPools());
        v.put("host_routes", s.hostRoutes());
        v.put("dns_nameservers", s.dnsNameservers());
        v.put("description", s.description());
        v.put("service_types", List.of());
        v.put("tags", List.of());
        v.put("created_at", s.createdAt());
        v.put("updated_at", s.updatedAt());
        v.put("revision_number", s.revisionNumber());
        v.put("segment_id", null);
        v.put("project_id", s.projectId());
        return v;
    }
}
