package io.windlass.subnet.service;

import io.windlass.networking.NeutronException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SubnetLayoutTest {
    private static final Cidr NET = SubnetLayout.cidr("198.18.10.0/24", 4);

    private static String error(Runnable r) {
        NeutronException e = assertThrows(NeutronException.class, r::run);
        return e.status() + " " + e.errorName() + ": " + e.getMessage();
    }

    @Test
    void defaultGatewayAndPools() {
        SubnetLayout layout = SubnetLayout.of(NET, new SubnetLayout.GatewayChoice.Default(), null);
        assertEquals("198.18.10.1", layout.gateway().toString());
        assertEquals("[198.18.10.2-198.18.10.254]", layout.pools().toString());
        SubnetLayout middle = SubnetLayout.of(NET, new SubnetLayout.GatewayChoice.Given("198.18.10.100"), null);
        assertEquals("[198.18.10.1-198.18.10.99, 198.18.10.101-198.18.10.254]", middle.pools().toString());
        SubnetLayout none = SubnetLayout.of(NET, new SubnetLayout.GatewayChoice.None(), null);
        assertNull(none.gateway());
        assertEquals("[198.18.10.1-198.18.10.254]", none.pools().toString());
        SubnetLayout v6 = SubnetLayout.of(SubnetLayout.cidr("fd00::/64", 6), new SubnetLayout.GatewayChoice.Default(), null);
        assertEquals("[fd00::2-fd00::ffff:ffff:ffff:ffff]", v6.pools().toString());
        SubnetLayout host = SubnetLayout.of(SubnetLayout.cidr("198.18.10.4/32", 4), new SubnetLayout.GatewayChoice.None(), null);
        assertEquals("[198.18.10.4-198.18.10.4]", host.pools().toString());
    }

    @Test
    void cidrErrorsInNeutronsWords() {
        assertEquals("400 HTTPBadRequest: Invalid input for cidr. Reason: '198.18.10.1/24' isn't a recognized IP subnet "
                + "cidr, '198.18.10.0/24' is recommended.", error(() -> SubnetLayout.cidr("198.18.10.1/24", 4)));
        assertEquals("400 InvalidInput: Invalid input for operation: cidr '198.18.10.0/24' does not match the "
                + "ip_version '6'.", error(() -> SubnetLayout.cidr("198.18.10.0/24", 6)));
        assertEquals(400, assertThrows(NeutronException.class, () -> SubnetLayout.cidr("198.18.10.0/40", 4)).status());
    }

    @Test
    void poolAndGatewayErrors() {
        SubnetLayout.GatewayChoice dflt = new SubnetLayout.GatewayChoice.Default();
        assertEquals("400 InvalidInput: Invalid input for operation: Gateway is not valid on subnet.",
                error(() -> SubnetLayout.of(NET, new SubnetLayout.GatewayChoice.Given("198.18.11.1"), null)));
        assertEquals("400 InvalidInput: Invalid input for operation: Gateway is not valid on subnet.",
                error(() -> SubnetLayout.of(NET, new SubnetLayout.GatewayChoice.Given("198.18.10.255"), null)));
        assertEquals("400 InvalidAllocationPool: The allocation pool 198.18.10.9-198.18.10.3 is not valid.",
                error(() -> SubnetLayout.of(NET, dflt, List.of(new SubnetLayout.PoolText("198.18.10.9", "198.18.10.3")))));
        assertEquals("400 OutOfBoundsAllocationPool: The allocation pool 198.18.10.9-198.18.10.255 spans beyond the subnet "
                + "cidr 198.18.10.0/24.", error(() -> SubnetLayout.of(NET, dflt,
                List.of(new SubnetLayout.PoolText("198.18.10.9", "198.18.10.255")))));
        assertEquals("409 OverlappingAllocationPools: Found overlapping allocation pools: 198.18.10.2-198.18.10.9 "
                + "198.18.10.5-198.18.10.20 for subnet 198.18.10.0/24.", error(() -> SubnetLayout.of(NET, dflt, List.of(
                new SubnetLayout.PoolText("198.18.10.5", "198.18.10.20"), new SubnetLayout.PoolText("198.18.10.2", "198.18.10.9")))));
        assertEquals("409 GatewayConflictWithAllocationPools: Gateway ip 198.18.10.1 conflicts with allocation pool "
                + "198.18.10.1-198.18.10.9.", error(() -> SubnetLayout.of(NET, dflt,
                List.of(new SubnetLayout.PoolText("198.18.10.1", "198.18.10.9")))));
        assertEquals(400, assertThrows(NeutronException.class, () -> SubnetLayout.of(NET, dflt,
                List.of(new SubnetLayout.PoolText("fd00::1", "fd00::2")))).status());
    }
}
