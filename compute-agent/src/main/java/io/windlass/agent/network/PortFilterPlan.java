package io.windlass.agent.network;

import io.windlass.network.IngressRule;
import io.windlass.network.PortFilter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one IP family's filter table must be told so that its security group filtering is exactly
 * the conductor's list: an {@code iptables-restore --noflush} text that declares (and so empties)
 * every Windlass chain, fills the ones still wanted, deletes the others, and puts the jump from
 * {@code FORWARD} first. Applied in one go, so traffic meets either the old filters or the new,
 * never a half-made chain; the host's other chains (the engine's, the tenant bridge guard's) are
 * not in the text and stay as they are.
 * <p>
 * For each port with an address of the family:
 * <pre>
 * -A wlsg-ingress -d &lt;address&gt; -o wlbr&lt;vni&gt; -j wlsg-&lt;port&gt;     (one per address)
 * -A wlsg-&lt;port&gt; -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN
 * -A wlsg-&lt;port&gt; -p ipv6-icmp -m icmp6 --icmpv6-type 135 -j RETURN   (IPv6: 130, 134, 135, 136)
 * -A wlsg-&lt;port&gt; [-s &lt;source&gt;] [-p &lt;protocol&gt; [ports or ICMP type]] -j RETURN   (per rule and source)
 * -A wlsg-&lt;port&gt; -j DROP
 * </pre>
 * A RETURN ends in the dispatch chain, which has nothing more for the packet: it goes on through
 * {@code FORWARD}, to the engine's rules, which let bridged traffic of one network pass.
 * <p>
 * The jump is made the first rule of {@code FORWARD} whenever it is not: the engine inserts its
 * {@code -i wlbr<vni> -o wlbr<vni> -j ACCEPT} first in {@code FORWARD} when it makes a network, which
 * would let that network's traffic pass before it meets its filters.
 *
 * @param restoreText the text for {@code iptables-restore --noflush}; empty: nothing to change
 * @param added       the port chains that were not there yet
 * @param removed     the Windlass chains deleted (ports no longer listed)
 * @param refused     what could not be written, in words (a rule, a source, a port), each left
 *                    out so that less is let in, never more
 */
public record PortFilterPlan(String restoreText, List<String> added, List<String> removed, List<String> refused) {
    /**
     * ICMPv6 a port must receive to keep its address working (router advertisements, neighbour
     * solicitations and advertisements, MLD queries), whatever its groups say, as Neutron lets them in.
     */
    static final List<Integer> ICMPV6_ALWAYS = List.of(130, 134, 135, 136);
    private static final int MAX_VNI = 16_777_215;

    public PortFilterPlan {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        refused = List.copyOf(refused);
    }

    /** Whether the table already is as wanted, as far as a plan can tell: nothing to restore. */
    public boolean isEmpty() {
        return restoreText.isEmpty();
    }

    /**
     * @param family  the table's family: only the ports' addresses and rules of that family count
     * @param current what the table holds now
     * @param ports   the conductor's complete list for this host
     */
    public static PortFilterPlan between(IpFamily family, FilterTable current, List<PortFilter> ports) {
        List<String> refused = new ArrayList<>();
        Map<String, List<String>> chains = new LinkedHashMap<>();
        List<String> dispatch = new ArrayList<>();
        for (PortFilter port : ports) {
            String chain = PortFilterChains.of(port.portId());
            if (chains.containsKey(chain)) {
                refused.add("port " + port.portId() + " listed twice (the first counts)");
                continue;
            }
            if (port.vni() < 1 || port.vni() > MAX_VNI) {
                refused.add("port " + port.portId() + ": VNI " + port.vni());
                continue;
            }
            List<String> addresses = addresses(family, port, refused);
            if (addresses.isEmpty()) {
                continue; // nothing of this family to protect
            }
            for (String address : addresses) {
                dispatch.add(rule(PortFilterChains.DISPATCH, List.of("-d", address, "-o",
                        DataPlaneNames.bridge(port.vni())), chain));
            }
            chains.put(chain, portChain(family, chain, port, refused));
        }
        List<String> stale = current.chains().stream()
                .filter(c -> !c.equals(PortFilterChains.DISPATCH) && !chains.containsKey(c)).toList();
        List<String> added = chains.keySet().stream().filter(c -> !current.chains().contains(c)).toList();
        if (chains.isEmpty()) {
            return new PortFilterPlan(removal(current), List.of(), current.chains(), refused);
        }
        List<String> lines = new ArrayList<>(List.of("*filter", declare(PortFilterChains.DISPATCH)));
        chains.keySet().forEach(c -> lines.add(declare(c)));
        // emptied before they go: a chain is deleted only when empty and unreferenced
        stale.forEach(c -> lines.add(declare(c)));
        chains.values().forEach(lines::addAll);
        lines.addAll(dispatch);
        if (!current.dispatchInPlace()) {
            lines.addAll(jumpsRemoved(current));
            lines.add("-I FORWARD 1 -j " + PortFilterChains.DISPATCH);
        }
        stale.forEach(c -> lines.add("-X " + c));
        lines.add("COMMIT");
        return new PortFilterPlan(text(lines), added, stale, refused);
    }

    /** Every Windlass chain emptied and deleted, the jump first: no port of the family is filtered. */
    private static String removal(FilterTable current) {
        if (current.isEmpty()) {
            return "";
        }
        List<String> lines = new ArrayList<>(List.of("*filter"));
        current.chains().forEach(c -> lines.add(declare(c)));
        lines.addAll(jumpsRemoved(current));
        current.chains().forEach(c -> lines.add("-X " + c));
        lines.add("COMMIT");
        return text(lines);
    }

    private static List<String> addresses(IpFamily family, PortFilter port, List<String> refused) {
        List<String> addresses = new ArrayList<>();
        for (String given : port.addresses()) {
            Optional<String> address = family.address(given);
            if (address.isPresent()) {
                addresses.add(address.get());
            } else if (IpFamily.V4.address(given).isEmpty() && IpFamily.V6.address(given).isEmpty()) {
                // an address of the other family is that family's table's; this is no address at all
                refused.add("port " + port.portId() + ": address " + given);
            }
        }
        return addresses;
    }

    private static List<String> portChain(IpFamily family, String chain, PortFilter port, List<String> refused) {
        List<String> lines = new ArrayList<>();
        // answers to what the port sent (and the rest of a connection a rule let in)
        lines.add(rule(chain, List.of("-m", "conntrack", "--ctstate", "RELATED,ESTABLISHED"), "RETURN"));
        if (family == IpFamily.V6) {
            for (int type : ICMPV6_ALWAYS) {
                lines.add(rule(chain, List.of("-p", "ipv6-icmp", "-m", "icmp6", "--icmpv6-type",
                        String.valueOf(type)), "RETURN"));
            }
        }
        for (IngressRule r : port.rules()) {
            if (r.ipVersion() != family.version()) {
                continue;
            }
            List<String> sourcesLeftOut = new ArrayList<>();
            try {
                for (List<String> match : IngressMatches.of(r, family, sourcesLeftOut)) {
                    lines.add(rule(chain, match, "RETURN"));
                }
            } catch (IllegalArgumentException e) {
                refused.add("port " + port.portId() + ": rule " + r + ": " + e.getMessage());
            }
            sourcesLeftOut.forEach(why -> refused.add("port " + port.portId() + ": " + why));
        }
        lines.add(rule(chain, List.of(), "DROP"));
        return lines;
    }

    private static List<String> jumpsRemoved(FilterTable current) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < current.dispatchJumps(); i++) {
            lines.add("-D FORWARD -j " + PortFilterChains.DISPATCH);
        }
        return lines;
    }

    /** A chain line: {@code --noflush} makes a missing chain and empties an existing one. */
    private static String declare(String chain) {
        return ":" + chain + " - [0:0]";
    }

    private static String rule(String chain, List<String> match, String target) {
        List<String> words = new ArrayList<>(List.of("-A", chain));
        words.addAll(match);
        words.addAll(List.of("-j", target));
        return String.join(" ", words);
    }

    private static String text(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }
}
