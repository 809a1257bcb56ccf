package io.windlass.agent.network;

import io.windlass.network.FixedIp;
import io.windlass.network.NetworkBinding;
import io.windlass.network.PortSpec;
import io.windlass.network.SubnetSpec;
import io.windlass.network.WorkloadNetworks;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PortWiringTest {
    private static final String NET_A = "6d1e0c4a-0000-4000-8000-00000000000a";
    private static final String NET_B = "6d1e0c4a-0000-4000-8000-00000000000b";

    @Test
    void onlyWindlassNetworksOfAContainerAreReleased() {
        Map<String, Object> attached = new LinkedHashMap<>();
        attached.put("bridge", new Object());
        attached.put("wl-net-" + NET_A, new Object());
        attached.put("someones-own", new Object());
        attached.put("wl-net-" + NET_B, new Object());
        assertEquals(List.of(NET_A, NET_B), PortWiring.windlassNetworks(attached));
        assertEquals(List.of(), PortWiring.windlassNetworks(null));
    }

    @Test
    void aNetworkWithTwoPortsOfTheWorkloadIsNamedOnce() {
        NetworkBinding a = new NetworkBinding(NET_A, 4271, 1450,
                List.of(new SubnetSpec("198.19.241.0/24", "198.19.241.1", 4)), List.of());
        NetworkBinding b = new NetworkBinding(NET_B, 4272, 1450,
                List.of(new SubnetSpec("198.19.242.0/24", "198.19.242.1", 4)), List.of());
        WorkloadNetworks ports = new WorkloadNetworks(List.of(
                new PortSpec("p1", NET_A, "fa:16:3e:00:01:01", List.of(new FixedIp("s", "198.19.241.10"))),
                new PortSpec("p2", NET_B, "fa:16:3e:00:01:02", List.of(new FixedIp("s", "198.19.242.10"))),
                new PortSpec("p3", NET_A, "fa:16:3e:00:01:03", List.of(new FixedIp("s", "198.19.241.11")))),
                List.of(a, b));
        assertEquals(List.of(NET_A, NET_B), PortWiring.networkIds(ports));
    }
}
