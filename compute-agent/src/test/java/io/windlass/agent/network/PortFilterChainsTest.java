package io.windlass.agent.network;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortFilterChainsTest {

    @Test
    void aPortsChainIsThePrefixAndTwentyHexDigitsOfItsUuid() {
        assertEquals("wlsg-3f2a9c104a614c1c9e26", PortFilterChains.of("3f2a9c10-4a61-4c1c-9e26-3f1a0e0c4261"));
        assertEquals("wlsg-3f2a9c104a614c1c9e26", PortFilterChains.of("3F2A9C10-4A61-4C1C-9E26-3F1A0E0C4261"),
                "the same port whatever the case");
    }

    @Test
    void everyNameFitsIptablesLimit() {
        assertTrue(PortFilterChains.of("3f2a9c10-4a61-4c1c-9e26-3f1a0e0c4261").length() <= PortFilterChains.MAX_NAME);
        assertTrue(PortFilterChains.DISPATCH.length() <= PortFilterChains.MAX_NAME);
    }

    @Test
    void anIdThatIsNoUuidIsHashedIntoHexDigits() {
        String chain = PortFilterChains.of("port-a; -j ACCEPT");
        assertTrue(chain.matches("wlsg-[0-9a-f]{20}"), chain);
        assertEquals(chain, PortFilterChains.of("port-a; -j ACCEPT"), "always the same chain for the same port");
        assertNotEquals(chain, PortFilterChains.of("port-b"));
    }

    @Test
    void windlassChainsAreThoseOfThePrefix() {
        assertTrue(PortFilterChains.isWindlass(PortFilterChains.DISPATCH));
        assertTrue(PortFilterChains.isWindlass(PortFilterChains.of("3f2a9c10-4a61-4c1c-9e26-3f1a0e0c4261")));
        assertFalse(PortFilterChains.isWindlass("DOCKER-USER"));
        assertFalse(PortFilterChains.isWindlass("WINDLASS-UNDERLAY"));
    }
}
