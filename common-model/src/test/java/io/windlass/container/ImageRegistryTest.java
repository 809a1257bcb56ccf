package io.windlass.container;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageRegistryTest {

    @Test
    void domainIsTheFirstComponentWithADotAColonOrLocalhost() {
        assertEquals(Optional.empty(), ImageRegistry.domainOf("busybox"));
        assertEquals(Optional.empty(), ImageRegistry.domainOf("busybox:1.36"));
        assertEquals(Optional.empty(), ImageRegistry.domainOf("team/app:1"));
        assertEquals(Optional.of("127.0.0.1:5000"), ImageRegistry.domainOf("127.0.0.1:5000/app:1"));
        assertEquals(Optional.of("registry.example"), ImageRegistry.domainOf("registry.example/team/app"));
        assertEquals(Optional.of("localhost"), ImageRegistry.domainOf("localhost/app"));
    }

    @Test
    void anImageWithoutARegistryIsTakenFromTheRegistrysDomain() {
        assertEquals("127.0.0.1:5000/tiny:1", ImageRegistry.qualified("tiny:1", "127.0.0.1:5000"));
        assertEquals("127.0.0.1:5000/team/tiny", ImageRegistry.qualified("team/tiny", "127.0.0.1:5000"));
        assertEquals("127.0.0.1:5000/tiny", ImageRegistry.qualified("127.0.0.1:5000/tiny", "127.0.0.1:5000"));
    }

    @Test
    void aLoginGoesOnlyWithItsOwnRegistrysImages() {
        assertTrue(ImageRegistry.belongsTo("tiny", "127.0.0.1:5000"));
        assertTrue(ImageRegistry.belongsTo("127.0.0.1:5000/tiny", "127.0.0.1:5000"));
        assertTrue(ImageRegistry.belongsTo("Registry.Example/tiny", "registry.example"));
        assertFalse(ImageRegistry.belongsTo("other.example/tiny", "127.0.0.1:5000"));
    }

    @Test
    void theLoginNeverPrintsItsPassword() {
        String shown = new RegistryLogin("127.0.0.1:5000", "alice", "s3cret").toString();
        assertFalse(shown.contains("s3cret"));
        assertTrue(shown.contains("alice"));
    }
}
