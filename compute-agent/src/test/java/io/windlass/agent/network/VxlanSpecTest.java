package io.windlass.agent.network;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VxlanSpecTest {
    private static final VxlanSpec SPEC = new VxlanSpec(4242, "198.18.231.2", 4789, 1450);

    private static VxlanLink link(int vni, String local, int port, boolean learning, String master, int mtu,
                                  boolean up) {
        return new VxlanLink("wlvx4242", vni, local, port, learning, master, mtu, up);
    }

    @Test
    void addCommandMakesANonLearningDeviceOnTheIanaPort() {
        assertEquals(List.of("ip", "link", "add", "wlvx4242", "type", "vxlan", "id", "4242", "local", "198.18.231.2",
                "dstport", "4789", "nolearning"), SPEC.addCommand());
    }

    @Test
    void aDeviceWithOtherIdentityIsMadeAgain() {
        assertFalse(SPEC.needsRecreate(link(4242, "198.18.231.2", 4789, false, null, 1500, false)));
        assertTrue(SPEC.needsRecreate(link(4243, "198.18.231.2", 4789, false, "wlbr4242", 1450, true)));
        assertTrue(SPEC.needsRecreate(link(4242, "198.18.231.6", 4789, false, "wlbr4242", 1450, true)));
        assertTrue(SPEC.needsRecreate(link(4242, "198.18.231.2", 8472, false, "wlbr4242", 1450, true)));
        assertTrue(SPEC.needsRecreate(link(4242, "198.18.231.2", 4789, true, "wlbr4242", 1450, true)));
    }

    @Test
    void aFreshDeviceGetsItsMtuBridgeAndUp() {
        assertEquals(List.of("ip", "link", "set", "dev", "wlvx4242", "mtu", "1450", "master", "wlbr4242", "up"),
                SPEC.fixCommand(link(4242, "198.18.231.2", 4789, false, null, 1500, false)));
    }

    @Test
    void aDeviceAsWantedNeedsNoCommand() {
        assertEquals(List.of(), SPEC.fixCommand(link(4242, "198.18.231.2", 4789, false, "wlbr4242", 1450, true)));
    }

    @Test
    void onlyWhatDiffersIsSet() {
        assertEquals(List.of("ip", "link", "set", "dev", "wlvx4242", "up"),
                SPEC.fixCommand(link(4242, "198.18.231.2", 4789, false, "wlbr4242", 1450, false)));
    }
}
