package io.windlass.agent.driver.fake;

import io.windlass.network.WorkloadNetworks;
import io.windlass.agent.capsule.ObservedCapsule;
import io.windlass.agent.driver.ImageUnavailableException;
import io.windlass.capsule.CapsuleMemberSpec;
import io.windlass.capsule.CapsuleSpec;
import io.windlass.container.ContainerStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FakeCapsuleDriverTest {
    private final FakeCapsuleDriver driver = new FakeCapsuleDriver(Set.of("busybox:latest")::contains);

    private static CapsuleMemberSpec member(String uuid, String image) {
        return new CapsuleMemberSpec(uuid, "capsule-c-" + uuid, uuid, image, List.of("sleep", "1"), Map.of(), null,
                0.1, 32, List.of(), List.of());
    }

    @Test
    void aCapsuleRunsAtOnceWithItsInitContainersDoneAndGoesWhenRemoved() {
        CapsuleSpec spec = new CapsuleSpec("c1", "c", "always", List.of(member("init", "busybox")),
                List.of(member("web", "busybox"), member("db", "busybox")), List.of());
        driver.create(spec, WorkloadNetworks.NONE);

        ObservedCapsule observed = driver.observe("c1").orElseThrow();
        assertEquals(ContainerStatus.RUNNING, observed.status());
        assertEquals(List.of(ContainerStatus.STOPPED, ContainerStatus.RUNNING, ContainerStatus.RUNNING),
                observed.members().stream().map(m -> m.status()).toList());
        assertEquals(0, observed.members().getFirst().exitCode());
        assertEquals(List.of("c1"), driver.observeAll().stream().map(ObservedCapsule::uuid).toList());

        driver.remove(spec, false);
        assertTrue(driver.observe("c1").isEmpty());
    }

    @Test
    void aMemberImageTheHostDoesNotHaveIsUnavailable() {
        CapsuleSpec spec = new CapsuleSpec("c2", "c", "always", List.of(), List.of(member("web", "nosuch")), List.of());
        ImageUnavailableException e = assertThrows(ImageUnavailableException.class, () -> driver.create(spec, WorkloadNetworks.NONE));
        assertEquals("nosuch:latest", e.image());
        assertTrue(driver.observeAll().isEmpty());
    }
}
