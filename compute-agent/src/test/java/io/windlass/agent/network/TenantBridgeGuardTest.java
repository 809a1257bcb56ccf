package io.windlass.agent.network;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TenantBridgeGuardTest {

    @Test
    void nothingForTheHostAndNothingRoutedThroughATenantBridge() {
        assertEquals(List.of(
                List.of("INPUT", "-i", "wlbr+", "-j", "DROP"),
                List.of("FORWARD", "-i", "wlbr+", "-m", "physdev", "!", "--physdev-is-bridged", "-j", "DROP"),
                List.of("FORWARD", "-o", "wlbr+", "-m", "physdev", "!", "--physdev-is-bridged", "-j", "DROP")),
                TenantBridgeGuard.rules());
    }

    @Test
    void checkedAsIsInsertedFirst() {
        List<String> rule = TenantBridgeGuard.rules().get(1);
        assertEquals(List.of("ip6tables", "-w", "-C", "FORWARD", "-i", "wlbr+", "-m", "physdev", "!",
                "--physdev-is-bridged", "-j", "DROP"), TenantBridgeGuard.command("ip6tables", "-C", rule, false));
        assertEquals(List.of("iptables", "-w", "-I", "FORWARD", "1", "-i", "wlbr+", "-m", "physdev", "!",
                "--physdev-is-bridged", "-j", "DROP"), TenantBridgeGuard.command("iptables", "-I", rule, true));
    }
}
