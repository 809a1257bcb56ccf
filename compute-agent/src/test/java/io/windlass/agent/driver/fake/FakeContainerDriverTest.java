package io.windlass.agent.driver.fake;

import io.windlass.network.WorkloadNetworks;
import io.windlass.agent.testing.ContainerSpecs;
import io.windlass.agent.driver.WorkloadNotFoundException;
import io.windlass.agent.driver.DriverException;
import io.windlass.agent.driver.EngineEvent;
import io.windlass.agent.driver.EngineEventListener;
import io.windlass.agent.driver.HostInventory;
import io.windlass.agent.driver.ImageUnavailableException;
import io.windlass.container.ContainerSpec;
import io.windlass.container.ContainerStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FakeContainerDriverTest {
    private final FakeContainerDriver driver = new FakeContainerDriver(new HostInventory(16, 65536, 1000),
            Set.of("busybox:latest"));

    private static ContainerSpec spec(String uuid, String image) {
        return ContainerSpecs.container(uuid).name("c1").image(image).build();
    }

    @Test
    void transitionsAreInstantAndStreamedAsEvents() {
        List<EngineEvent> events = new ArrayList<>();
        driver.followEvents(new EngineEventListener() {
            @Override
            public void onEvent(EngineEvent event) {
                events.add(event);
            }

            @Override
            public void onClosed(Throwable cause) {
            }
        });

        driver.create(spec("u1", "busybox"), WorkloadNetworks.NONE);
        assertEquals(ContainerStatus.CREATED, driver.observe("u1").orElseThrow().status());
        driver.start("u1");
        driver.pause("u1");
        assertEquals(ContainerStatus.PAUSED, driver.observe("u1").orElseThrow().status());
        driver.unpause("u1");
        driver.stop("u1", Duration.ofSeconds(1));
        assertEquals(ContainerStatus.STOPPED, driver.observe("u1").orElseThrow().status());
        driver.remove("u1", false);

        assertTrue(driver.observe("u1").isEmpty());
        assertEquals(List.of("create", "start", "pause", "unpause", "stop", "destroy"),
                events.stream().map(EngineEvent::action).toList());
    }

    @Test
    void refusesWhatAnEngineWouldRefuse() {
        driver.create(spec("u2", "busybox:latest"), WorkloadNetworks.NONE);
        driver.start("u2");
        assertThrows(DriverException.class, () -> driver.remove("u2", false));
        assertThrows(DriverException.class, () -> driver.unpause("u2"));
        assertThrows(DriverException.class, () -> driver.create(spec("u2", "busybox"), WorkloadNetworks.NONE));
        assertEquals(1, driver.list().stream().filter(c -> c.running()).count());
        driver.remove("u2", true);

        assertThrows(WorkloadNotFoundException.class, () -> driver.start("u2"));
        var missing = assertThrows(ImageUnavailableException.class, () -> driver.create(spec("u3", "nginx"), WorkloadNetworks.NONE));
        assertEquals("Image nginx:latest not found on host sim-1", missing.reasonOn("sim-1"));
        assertEquals(new HostInventory(16, 65536, 1000), driver.inventory());
    }
}
