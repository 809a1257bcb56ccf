package io.windlass.container;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContainerSpecTest {

    private static ContainerSpec spec(List<String> exposed, ContainerHealthcheck check, List<VolumeMount> mounts,
                                      String runtime) {
        return spec(exposed, check, mounts, runtime, null);
    }

    private static ContainerSpec spec(List<String> exposed, ContainerHealthcheck check, List<VolumeMount> mounts,
                                      String runtime, String cpuPolicy) {
        return new ContainerSpec("u1", "web", "busybox", List.of(), List.of(), 1, 64, null, null, Map.of(), Map.of(),
                null, false, false, null, false, "p1", exposed, check, mounts, runtime, cpuPolicy, null, false);
    }

    @Test
    void onlyZunsNewerFieldsNeedAnAgentThatHonoursThem() {
        assertFalse(spec(null, null, null, null).needsContainerFields());
        // runc is every agent's default: an older one makes the same container
        assertFalse(spec(List.of(), null, List.of(), "runc").needsContainerFields());
        assertTrue(spec(List.of("80/tcp"), null, null, null).needsContainerFields());
        assertTrue(spec(null, new ContainerHealthcheck("true", null, null, null, null), null, null)
                .needsContainerFields());
        assertTrue(spec(null, null, List.of(new VolumeMount("v", "/d", false)), null).needsContainerFields());
        assertTrue(spec(null, null, null, "kata").needsContainerFields());
        assertTrue(spec(null, null, null, null, "dedicated").needsContainerFields());
        assertFalse(spec(null, null, null, null, "shared").needsContainerFields());
    }

    @Test
    void onlyARegistryLoginNeedsA120Agent() {
        ContainerSpec plain = spec(null, null, null, null);
        assertFalse(plain.needsRegistryLogin());
        ContainerSpec login = new ContainerSpec("u1", "web", "127.0.0.1:5000/tiny", List.of(), List.of(), 1, 64, null,
                null, Map.of(), Map.of(), null, false, false, null, false, "p1", null, null, null, null, null,
                new RegistryLogin("127.0.0.1:5000", "alice", "s3cret"), false);
        assertTrue(login.needsRegistryLogin());
        assertFalse(login.needsContainerFields());
        // a spec in a log line or an exception never carries the password
        assertFalse(login.toString().contains("s3cret"));
    }
}
