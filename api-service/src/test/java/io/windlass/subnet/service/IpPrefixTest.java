package io.windlass.subnet.service;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Prefixes as netaddr reads them, and the cidrs Neutron takes for subnets (network form only). */
class IpPrefixTest {
    @Test
    void aPrefixKeepsItsHostBitsAndKnowsItsNetwork() {
        IpPrefix prefix = IpPrefix.parse("198.18.10.7/24").orElseThrow();
        assertEquals("198.18.10.7/24", prefix.toString());
        assertEquals("198.18.10.0/24", prefix.network().toString());
        assertEquals("198.18.10.7/32", IpPrefix.parse("198.18.10.7").orElseThrow().toString());
        assertEquals("fd00::1/64", IpPrefix.parse("fd00:0::1/64").orElseThrow().toString());
        assertEquals("fd00::/64", IpPrefix.parse("fd00::1/64").orElseThrow().network().toString());
        assertEquals("0.0.0.0/0", IpPrefix.parse("198.18.10.7/0").orElseThrow().network().toString());
    }

    @Test
    void whatIsNoPrefixIsEmpty() {
        assertEquals(Optional.empty(), IpPrefix.parse("198.18.10.7/33"));
        assertEquals(Optional.empty(), IpPrefix.parse("198.18.10.7/-1"));
        assertEquals(Optional.empty(), IpPrefix.parse("198.18.10.7/x"));
        assertEquals(Optional.empty(), IpPrefix.parse("not-an-address/24"));
    }

    @Test
    void aCidrIsAPrefixInNetworkForm() {
        assertEquals("198.18.10.0/24", Cidr.parse("198.18.10.0/24").orElseThrow().toString());
        assertEquals("198.18.10.0/24", assertThrows(Cidr.HostBitsSet.class, () -> Cidr.parse("198.18.10.1/24"))
                .getMessage());
        assertEquals(Optional.empty(), Cidr.parse("198.18.10.0/40"));
    }
}
