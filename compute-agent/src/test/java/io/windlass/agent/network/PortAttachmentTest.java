package io.windlass.agent.network;

import io.windlass.network.FixedIp;
import io.windlass.network.PortSpec;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PortAttachmentTest {
    private static final String NET = "0b6a44a5-53d8-4c1c-9e26-3f1a0e0c0001";

    private static CreateContainerCmd cmd() {
        // never executed: the command only collects what the create would send
        return new CreateContainerCmdImpl(command -> {
            throw new AssertionError("not to be executed");
        }, null, "busybox:latest");
    }

    @Test
    void theContainerGetsThePortsNetworkAddressAndMac() {
        PortSpec port = new PortSpec("p1", NET, "fa:16:3e:00:00:0a", List.of(new FixedIp("s1", "198.19.250.10")));
        CreateContainerCmd cmd = PortAttachment.attach(cmd(), port);
        assertEquals("wl-net-" + NET, cmd.getHostConfig().getNetworkMode());
        assertEquals("198.19.250.10", cmd.getIpv4Address());
        assertNull(cmd.getIpv6Address());
        assertEquals("fa:16:3e:00:00:0a", cmd.getMacAddress());
    }

    @Test
    void aDualStackPortGetsBothAddresses() {
        PortSpec port = new PortSpec("p1", NET, "fa:16:3e:00:00:0a",
                List.of(new FixedIp("s6", "fd00:4242::10"), new FixedIp("s4", "198.19.250.10")));
        CreateContainerCmd cmd = PortAttachment.attach(cmd(), port);
        assertEquals("198.19.250.10", cmd.getIpv4Address());
        assertEquals("fd00:4242::10", cmd.getIpv6Address());
    }

    @Test
    void aPortWithoutAddressesStillGetsAnEndpointForItsMac() {
        CreateContainerCmd cmd = PortAttachment.attach(cmd(), new PortSpec("p1", NET, "fa:16:3e:00:00:0a", List.of()));
        assertEquals(List.of(), cmd.getAliases());
        assertEquals("fa:16:3e:00:00:0a", cmd.getMacAddress());
    }

    @Test
    void twoAddressesOfOneVersionAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PortSpec("p1", NET, "fa:16:3e:00:00:0a",
                List.of(new FixedIp("s1", "198.19.250.10"), new FixedIp("s1", "198.19.250.11"))));
    }
}
