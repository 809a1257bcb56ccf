package io.windlass.agent.network;

import io.windlass.network.NetworkBinding;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataPlaneNamesTest {

    @Test
    void devicesAreNamedAfterTheVni() {
        assertEquals("wlbr4242", DataPlaneNames.bridge(4242));
        assertEquals("wlvx4242", DataPlaneNames.vxlan(4242));
    }

    @Test
    void theLargestVniStillFitsALinuxInterfaceName() {
        assertTrue(DataPlaneNames.bridge(NetworkBinding.MAX_VNI).length() <= 15);
        assertTrue(DataPlaneNames.vxlan(NetworkBinding.MAX_VNI).length() <= 15);
    }

    @Test
    void engineNetworkIsNamedAfterTheWindlassNetwork() {
        assertEquals("wl-net-5f0c7a2e-0000-4000-8000-000000000001",
                DataPlaneNames.engineNetwork("5f0c7a2e-0000-4000-8000-000000000001"));
    }

    @Test
    void theWindlassNetworkIsReadBackFromTheEngineNetworkName() {
        assertEquals(Optional.of("5f0c7a2e-0000-4000-8000-000000000001"),
                DataPlaneNames.networkId("wl-net-5f0c7a2e-0000-4000-8000-000000000001"));
    }

    @Test
    void otherEngineNetworksAreNoWindlassNetworks() {
        assertEquals(Optional.empty(), DataPlaneNames.networkId("bridge"));
        assertEquals(Optional.empty(), DataPlaneNames.networkId("my-wl-net-x"));
        assertEquals(Optional.empty(), DataPlaneNames.networkId("wl-net-"));
        assertEquals(Optional.empty(), DataPlaneNames.networkId(null));
    }
}
