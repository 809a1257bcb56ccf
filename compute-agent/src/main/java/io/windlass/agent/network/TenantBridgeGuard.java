package io.windlass.agent.network;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes tenant bridges switches and nothing more: frames are bridged between the ports of one
 * bridge, but nothing is routed into or out of a tenant bridge, and nothing arriving from one is
 * for the host itself. Three rules in the host, for IPv4 and (when a network has IPv6 subnets) IPv6,
 * each checked before it is inserted first in its chain:
 *
 * <ul>
 *   <li>{@code INPUT -i wlbr+ -j DROP}: the bridge's address (the subnet's gateway) is the host's,
 *   and so is the host's VXLAN socket, which listens on every address. Without this a container
 *   could send a VXLAN packet to its own gateway, port 4789, with another network's VNI, and the
 *   host would put the frame inside on that network's bridge.</li>
 *   <li>{@code FORWARD -i wlbr+ -m physdev ! --physdev-is-bridged -j DROP} and the same with
 *   {@code -o}: routed, not bridged. For IPv4 the engine's rules for internal networks already drop
 *   this; for IPv6 the engine here (20.10, ip6tables support off) adds no rule at all, turns IPv6
 *   forwarding on and even gives containers of an internal network a default route via the
 *   gateway, so without these rules two networks' IPv6 containers on one host reach each other.</li>
 * </ul>
 *
 * Frames between containers of one bridge, local or through the VXLAN device, are bridged: the host
 * has {@code bridge-nf-call-iptables} on, so they do pass FORWARD, as bridged, and these rules let them be.
 */
public class TenantBridgeGuard {
    private final HostCommands commands;

    public TenantBridgeGuard(HostCommands commands) {
        this.commands = commands;
    }

    /** The rules, each as chain and match: inserted as {@code <tool> -w -I <chain> 1 <match...>}. */
    static List<List<String>> rules() {
        String bridges = DataPlaneNames.anyBridge();
        List<String> routed = List.of("-m", "physdev", "!", "--physdev-is-bridged", "-j", "DROP");
        List<List<String>> rules = new ArrayList<>();
        rules.add(List.of("INPUT", "-i", bridges, "-j", "DROP"));
        for (String direction : List.of("-i", "-o")) {
            List<String> rule = new ArrayList<>(List.of("FORWARD", direction, bridges));
            rule.addAll(routed);
            rules.add(List.copyOf(rule));
        }
        return rules;
    }

    /** Puts the rules in place for IPv4 and, when asked, for IPv6; idempotent. */
    public void ensure(boolean ipv6) {
        ensure("iptables");
        if (ipv6) {
            ensure("ip6tables");
        }
    }

    private void ensure(String tool) {
        for (List<String> rule : rules()) {
            if (!commands.run(command(tool, "-C", rule, false)).ok()) {
                commands.runOrFail(command(tool, "-I", rule, true));
            }
        }
    }

    /** {@code <tool> -w <action> <chain> [1] <match...>}; -w: wait for the xtables lock the engine may hold. */
    static List<String> command(String tool, String action, List<String> rule, boolean first) {
        List<String> command = new ArrayList<>(List.of(tool, "-w", action, rule.getFirst()));
        if (first) {
            command.add("1");
        }
        command.addAll(rule.subList(1, rule.size()));
        return command;
    }
}
