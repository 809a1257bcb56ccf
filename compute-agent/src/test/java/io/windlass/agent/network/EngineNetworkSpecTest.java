package io.windlass.agent.network;

import io.windlass.network.SubnetSpec;
import io.windlass.network.NetworkBinding;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Network;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineNetworkSpecTest {
    private static final String NET = "0b6a44a5-53d8-4c1c-9e26-3f1a0e0c0001";
    private static final NetworkBinding BINDING = new NetworkBinding(NET, 4242, 1450,
            List.of(new SubnetSpec("198.19.250.0/24", "198.19.250.1", 4)), List.of("198.18.232.2"));

    /** An engine network as {@code docker network inspect} describes it. */
    private static Network found(String bridge, String... subnets) throws Exception {
        StringBuilder pools = new StringBuilder();
        for (String s : subnets) {
            pools.append(pools.isEmpty() ? "" : ",").append("{\"Subnet\":\"").append(s).append("\"}");
        }
        return new ObjectMapper().readValue("""
                {"Name":"wl-net-%s","Driver":"bridge","Internal":true,"IPAM":{"Driver":"default","Config":[%s]},\
                "Options":{"com.docker.network.bridge.name":"%s","com.docker.network.driver.mtu":"1450"}}
                """.formatted(NET, pools, bridge), Network.class);
    }

    @Test
    void aBridgeNamedAfterTheVniWithNoWayOut() {
        EngineNetworkSpec spec = EngineNetworkSpec.of(BINDING);
        assertEquals("wl-net-" + NET, spec.name());
        assertEquals("wlbr4242", spec.bridge());
        assertEquals(Map.of("com.docker.network.bridge.name", "wlbr4242", "com.docker.network.driver.mtu", "1450",
                "com.docker.network.bridge.enable_ip_masquerade", "false",
                "com.docker.network.bridge.enable_icc", "true"), spec.options());
        assertEquals(Map.of("windlass.managed", "true", "windlass.network", NET, "windlass.vni", "4242"),
                spec.labels());
        assertFalse(spec.ipv6());
    }

    @Test
    void anIpv6SubnetNeedsIpv6OnTheEngineNetwork() {
        NetworkBinding dual = new NetworkBinding(NET, 4242, 1450, List.of(new SubnetSpec("198.19.250.0/24", null, 4),
                new SubnetSpec("fd00:4242::/64", "fd00:4242::1", 6)), List.of());
        assertTrue(EngineNetworkSpec.of(dual).ipv6());
    }

    @Test
    void theNetworkFoundMatchesWhenBridgeAndSubnetsDo() throws Exception {
        EngineNetworkSpec spec = EngineNetworkSpec.of(BINDING);
        assertTrue(spec.matches(found("wlbr4242", "198.19.250.0/24")));
        assertFalse(spec.matches(found("wlbr4243", "198.19.250.0/24")), "another VNI");
        assertFalse(spec.matches(found("wlbr4242", "198.19.250.0/24", "198.19.252.0/24")), "a subnet less now");
        assertFalse(spec.matches(found("wlbr4242")), "no subnet");
    }
}
