package io.windlass.agent.driver.fake;

import io.windlass.agent.server.PasswordNotSetException;
import io.windlass.agent.driver.WorkloadNotFoundException;
import io.windlass.agent.driver.DriverException;
import io.windlass.agent.driver.ImageUnavailableException;
import io.windlass.agent.server.ObservedServer;
import io.windlass.server.PowerState;
import io.windlass.server.ServerAction;
import io.windlass.server.ServerSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FakeServerDriverTest {
    private final FakeServerDriver driver = new FakeServerDriver(Set.of("busybox:latest")::contains);

    private static ServerSpec spec(String uuid, String image) {
        return new ServerSpec(uuid, "vm", "vm", image, 2, 512, 1, Map.of(), "p1", "u1", "nova", 0, "r-1", null,
                List.of(), "auto");
    }

    private PowerState power(String uuid) {
        return driver.observe(uuid).map(ObservedServer::powerState).orElseThrow();
    }

    @Test
    void diagnosticsShowTheFlavorAndTheMadeUpInterfaceAndCountNothing() {
        driver.spawn(spec("s2", "busybox"), null);
        var d = driver.diagnostics("s2");
        assertEquals(PowerState.RUNNING, d.state());
        assertEquals("fake", d.hypervisor());
        assertEquals(512L, d.memory().maximumMib());
        assertEquals(List.of(0, 1), d.cpus().stream().map(c -> c.id()).toList());
        assertEquals(driver.observe("s2").orElseThrow().addresses().get("fake-net").getFirst().macAddr(),
                d.nics().getFirst().macAddress());
        assertEquals(null, d.nics().getFirst().rxOctets());
        driver.resize("s2", 1, 256);
        assertEquals(256L, driver.diagnostics("s2").memory().maximumMib());
        assertEquals(1, driver.diagnostics("s2").cpus().size());
        driver.destroy("s2");
        assertThrows(WorkloadNotFoundException.class, () -> driver.diagnostics("s2"));
    }

    @Test
    void powerTransitionsAreInstantAndTheAddressIsStable() {
        driver.spawn(spec("s1", "busybox"), null);
        ObservedServer spawned = driver.observe("s1").orElseThrow();
        assertEquals(PowerState.RUNNING, spawned.powerState());
        assertEquals(spawned.addresses(), driver.observe("s1").orElseThrow().addresses());
        assertTrue(spawned.addresses().get("fake-net").getFirst().addr().startsWith("198.1"));

        driver.act("s1", ServerAction.PAUSE, Duration.ZERO);
        assertEquals(PowerState.PAUSED, power("s1"));
        assertThrows(DriverException.class, () -> driver.act("s1", ServerAction.REBOOT_SOFT, Duration.ZERO),
                "a soft reboot of a paused server is refused");
        driver.act("s1", ServerAction.REBOOT_HARD, Duration.ZERO);
        assertEquals(PowerState.RUNNING, power("s1"));
        driver.act("s1", ServerAction.STOP, Duration.ZERO);
        assertEquals(PowerState.SHUTDOWN, power("s1"));
        driver.act("s1", ServerAction.START, Duration.ZERO);
        assertEquals(PowerState.RUNNING, power("s1"));
        assertEquals(List.of("s1"), driver.observeAll().stream().map(ObservedServer::uuid).toList());

        driver.destroy("s1");
        driver.destroy("s1");
        assertFalse(driver.observe("s1").isPresent());
        assertThrows(WorkloadNotFoundException.class, () -> driver.act("s1", ServerAction.START, Duration.ZERO));
    }

    @Test
    void anImageTheHostDoesNotHaveIsUnavailableAndNamed() {
        ImageUnavailableException e = assertThrows(ImageUnavailableException.class,
                () -> driver.spawn(spec("s2", "nosuch"), null));
        assertEquals("nosuch:latest", e.image());
        assertTrue(driver.observeAll().isEmpty());
    }

    @Test
    void aRunningGuestTakesAPasswordAndOneThatIsNotRunningRefusesIt() {
        driver.spawn(spec("s3", "busybox"), null);
        driver.setAdminPassword("s3", "pw");
        driver.act("s3", ServerAction.STOP, Duration.ZERO);
        PasswordNotSetException refused = assertThrows(PasswordNotSetException.class,
                () -> driver.setAdminPassword("s3", "pw"));
        assertEquals("instance s3 is not running", refused.getMessage());
        assertThrows(WorkloadNotFoundException.class, () -> driver.setAdminPassword("nosuch", "pw"));
    }
}
