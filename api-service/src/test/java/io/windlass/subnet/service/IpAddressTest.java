package io.windlass.subnet.service;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IpAddressTest {

    private static IpAddress ip(String text) {
        return IpAddress.parse(text).orElseThrow();
    }

    @Test
    void printsAsNeutronDoes() {
        assertEquals("198.18.10.1", ip("198.18.10.1").toString());
        assertEquals("fd00::1", ip("FD00:0:0:0:0:0:0:1").toString());
        assertEquals("::", ip("::").toString());
        assertEquals("::1", ip("::1").toString());
        assertEquals("fd00:1::", ip("fd00:1::").toString());
        assertEquals("2001:db8::1:0:0:1", ip("2001:db8:0:0:1:0:0:1").toString());
        assertEquals("2001:db8:0:1:1:1:1:1", ip("2001:db8:0:1:1:1:1:1").toString());
        assertEquals("fd00:30::ffff:ffff:ffff:ffff", ip("fd00:30::ffff:ffff:ffff:ffff").toString());
        // an IPv4 address in the last 32 bits, as Tempest's accessIPv6 has it
        assertEquals("::babe:dc0c:1602", ip("0000:0000:0000:0000:0000:babe:220.12.22.2").toString());
        assertEquals("::ffff:c612:a01", ip("::ffff:198.18.10.1").toString());
    }

    @Test
    void refusesWhatIsNoAddress() {
        for (String bad : new String[]{"198.18.10", "256.0.0.1", "01.2.3.4", "fd00:::1", "1:2:3:4:5:6:7:8:9", "g::1", "",
                "example.com", "::ffff:198.18.10", "::1.2.3.4:5"}) {
            assertTrue(IpAddress.parse(bad).isEmpty(), bad);
        }
    }

    @Test
    void cidrsNormaliseOverlapAndContain() {
        Cidr net = Cidr.parse("198.18.10.0/24").orElseThrow();
        assertEquals("198.18.10.1", net.firstHost().toString());
        assertEquals("198.18.10.254", net.lastHost().toString());
        assertTrue(net.contains(ip("198.18.10.255")));
        assertTrue(net.overlaps(Cidr.parse("198.18.10.128/25").orElseThrow()));
        assertTrue(!net.overlaps(Cidr.parse("198.18.11.0/24").orElseThrow()));
        Cidr.HostBitsSet e = assertThrows(Cidr.HostBitsSet.class, () -> Cidr.parse("198.18.10.1/24"));
        assertEquals("198.18.10.0/24", e.getMessage());
        Cidr v6 = Cidr.parse("fd00::/64").orElseThrow();
        assertEquals("fd00::ffff:ffff:ffff:ffff", v6.lastHost().toString());
        assertTrue(Cidr.parse("198.18.10.0/33").isEmpty());
    }

    @Test
    void slaacAddressesAreModifiedEui64() {
        Cidr prefix = Cidr.parse("fd00:1:2:3::/64").orElseThrow();
        assertEquals("fd00:1:2:3:f816:3eff:fe00:1", prefix.eui64("fa:16:3e:00:00:01").toString());
        assertEquals("fd00:1:2:3:200:ff:fe00:0", prefix.eui64("00:00:00:00:00:00").toString());
    }

    @Test
    void randomAddressesStayInTheirRange() {
        Random random = new Random(7);
        AddressRange v6 = new AddressRange(ip("fd00::2"), ip("fd00::ffff:ffff:ffff:ffff"));
        AddressRange v4 = new AddressRange(ip("198.18.10.2"), ip("198.18.10.3"));
        for (int i = 0; i < 1000; i++) {
            assertTrue(v6.contains(v6.random(random)));
            assertTrue(v4.contains(v4.random(random)));
        }
    }
}
