package io.windlass.agent.driver.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerNetwork;
import io.windlass.agent.network.DataPlaneNames;
import io.windlass.container.ContainerAddress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A container's addresses as the engine shows them, in Zun's shape (a capsule's are its sandbox's). */
final class EngineAddresses {
    private EngineAddresses() {
    }

    static Map<String, List<ContainerAddress>> of(InspectContainerResponse r) {
        Map<String, List<ContainerAddress>> result = new LinkedHashMap<>();
        if (r == null || r.getNetworkSettings() == null || r.getNetworkSettings().getNetworks() == null) {
            return result;
        }
        for (Map.Entry<String, ContainerNetwork> e : r.getNetworkSettings().getNetworks().entrySet()) {
            ContainerNetwork net = e.getValue();
            // a tenant network's addresses under its Windlass uuid, the engine's own under the engine's id
            String key = DataPlaneNames.networkId(e.getKey()).orElse(
                    net.getNetworkID() == null || net.getNetworkID().isBlank() ? e.getKey() : net.getNetworkID());
            // a stopped container keeps its network attachment but has no address on it
            if (net.getIpAddress() != null && !net.getIpAddress().isBlank()) {
                result.computeIfAbsent(key, k -> new ArrayList<>()).add(new ContainerAddress(net.getIpAddress(), 4,
                        net.getEndpointId(), net.getNetworkID(), false));
            }
            // a port's IPv6 address (dual-stack tenant networks); the engine's default network has none
            if (net.getGlobalIPv6Address() != null && !net.getGlobalIPv6Address().isBlank()) {
                result.computeIfAbsent(key, k -> new ArrayList<>()).add(new ContainerAddress(
                        net.getGlobalIPv6Address(), 6, net.getEndpointId(), net.getNetworkID(), false));
            }
        }
        return result;
    }
}
