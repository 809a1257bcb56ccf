package io.windlass.port.service;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MacAddressesTest {

    @Test
    void generatedAddressesAreNeutronsAndValid() {
        Random random = new Random(1);
        for (int i = 0; i < 100; i++) {
            String mac = MacAddresses.generate(random);
            assertTrue(mac.matches("^fa:16:3e(:[0-9a-f]{2}){3}$"), mac);
            assertEquals(Optional.of(mac), MacAddresses.normalise(mac));
        }
    }

    @Test
    void normalisesAndRefuses() {
        assertEquals(Optional.of("fa:16:3e:aa:bb:cc"), MacAddresses.normalise("FA-16-3E-AA-BB-CC"));
        assertEquals(Optional.of("fa:16:3e:aa:bb:cc"), MacAddresses.normalise("fa163eaabbcc"));
        assertTrue(MacAddresses.normalise("01:00:5e:00:00:01").isEmpty(), "multicast");
        assertTrue(MacAddresses.normalise("00:00:00:00:00:00").isEmpty());
        assertTrue(MacAddresses.normalise("fa:16:3e:aa:bb").isEmpty());
        assertTrue(MacAddresses.normalise("zz:16:3e:aa:bb:cc").isEmpty());
    }

    @Test
    void bindingState() {
        assertEquals(new PortBindingState("", "unbound", "DOWN"), PortBindingState.of(null));
        assertEquals(new PortBindingState("h1", "bridge", "ACTIVE"), PortBindingState.of("h1"));
    }
}
