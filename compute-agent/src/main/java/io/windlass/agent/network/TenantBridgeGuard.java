package io.windlass.agent.network;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps tenant containers off their host: nothing arriving from a tenant bridge is for the host
 * itself. The bridge's address (the subnet's gateway) is the host's, and so is the host's VXLAN
 * socket, which listens on every address: without this rule a container could send a VXLAN packet
 * to its own gateway, port 4789, with another network's VNI, and the host would put the frame
 * inside it on that network's bridge. Frames between containers of one bridge are bridged, not
 * delivered to the host, so they never meet the rule.
 */
public class TenantBridgeGuard {
    private final HostCommands commands;

    public TenantBridgeGuard(HostCommands commands) {
        this.commands = commands;
    }

    /** The rule, first in INPUT: {@code -i wlbr+ -j DROP}. */
    static List<String> rule() {
        return List.of("INPUT", "-i", DataPlaneNames.anyBridge(), "-j", "DROP");
    }

    /**
     * Puts the rule in place for IPv4 and, when a network has IPv6 subnets, for IPv6; idempotent
     * (checked before it is inserted).
     */
    public void ensure(boolean ipv6) {
        ensure("iptables");
        if (ipv6) {
            ensure("ip6tables");
        }
    }

    private void ensure(String tool) {
        if (commands.run(command(tool, "-C")).ok()) {
            return;
        }
        commands.runOrFail(insertFirst(command(tool, "-I")));
    }

    private static List<String> command(String tool, String action) {
        // -w: wait for the xtables lock rather than fail while the engine edits its own rules
        List<String> command = new ArrayList<>(List.of(tool, "-w", action));
        command.addAll(rule());
        return command;
    }

    /** {@code -I INPUT 1 ...}: the position goes right after the chain's name. */
    private static List<String> insertFirst(List<String> insert) {
        List<String> command = new ArrayList<>(insert);
        command.add(command.indexOf("INPUT") + 1, "1");
        return command;
    }
}
