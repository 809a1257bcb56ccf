package io.windlass.agent.network;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContainerAttachmentsTest {
    private static final String NET_A = "6d1e0c4a-0000-4000-8000-0000000000d1";
    private static final String NET_B = "6d1e0c4a-0000-4000-8000-0000000000d2";

    @Test
    void aRunningContainerIsOnTheNetworksWhereItHasAnEndpoint() {
        ContainerAttachments running = new ContainerAttachments(true, Map.of("bridge", "e0",
                "wl-net-" + NET_A, "e1", "wl-net-" + NET_A + "-old", "e2"));
        assertTrue(running.isOn(NET_A), "an attach asked again connects nothing");
        assertFalse(running.isOn(NET_B));
        assertFalse(running.keepsRefusedConnect(NET_A));
        assertFalse(running.keepsRefusedConnect(NET_B));
        assertFalse(running.isOnNoNetwork());
    }

    @Test
    void aRunningContainersSettingWithoutAnEndpointIsARefusedConnect() {
        ContainerAttachments refused = new ContainerAttachments(true, Map.of("wl-net-" + NET_A, "e1",
                "wl-net-" + NET_B, ""));
        assertFalse(refused.isOn(NET_B), "a refused connect put it on nothing: an attach connects it");
        assertTrue(refused.keepsRefusedConnect(NET_B));
        assertFalse(refused.keepsRefusedConnect(NET_A));
    }

    @Test
    void aStoppedContainerIsOnEveryNetworkItKeepsSettingsFor() {
        ContainerAttachments stopped = new ContainerAttachments(false, Map.of("wl-net-" + NET_A, ""));
        assertTrue(stopped.isOn(NET_A), "it gets its endpoint back when it starts");
        assertFalse(stopped.keepsRefusedConnect(NET_A));
        assertFalse(stopped.isOn(NET_B));
    }

    @Test
    void aContainerOnNoneIsOnNoNetwork() {
        ContainerAttachments none = new ContainerAttachments(true, Map.of(ContainerAttachments.NO_NETWORK, "e0"));
        assertTrue(none.isOnNoNetwork());
        assertFalse(none.isOn(NET_A));
        assertFalse(new ContainerAttachments(true, Map.of()).isOnNoNetwork(), "no settings at all");
    }
}
