package io.windlass.container.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.windlass.container.ContainerAddress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /containers/{id}/network_list}, from the container's addresses as Zun builds it: one
 * entry per address up to 1.17, one per port with its fixed IPs from 1.18
 * ({@code containers.py: _get_container_networks_legacy / _get_container_networks}).
 */
public record ContainerNetworksView(List<Object> networks) {

    /** 1.13-1.17. */
    public record Address(@JsonProperty("net_id") String netId, @JsonProperty("subnet_id") String subnetId,
                          @JsonProperty("port_id") String portId, int version,
                          @JsonProperty("ip_address") String ipAddress) {
    }

    /** 1.18+. */
    public record Port(@JsonProperty("net_id") String netId, @JsonProperty("port_id") String portId,
                       @JsonProperty("fixed_ips") List<FixedIp> fixedIps) {
    }

    public record FixedIp(@JsonProperty("subnet_id") String subnetId, int version,
                          @JsonProperty("ip_address") String ipAddress) {
    }

    public static ContainerNetworksView of(Map<String, List<ContainerAddress>> addresses, boolean byPort) {
        List<Object> out = new ArrayList<>();
        (addresses == null ? Map.<String, List<ContainerAddress>>of() : addresses).forEach((netId, list) -> {
            if (!byPort) {
                list.forEach(a -> out.add(new Address(netId, a.subnetId(), a.port(), a.version(), a.addr())));
                return;
            }
            Map<String, List<FixedIp>> ports = new LinkedHashMap<>();
            list.forEach(a -> ports.computeIfAbsent(a.port(), k -> new ArrayList<>())
                    .add(new FixedIp(a.subnetId(), a.version(), a.addr())));
            ports.forEach((port, ips) -> out.add(new Port(netId, port, ips)));
        });
        return new ContainerNetworksView(out);
    }
}
