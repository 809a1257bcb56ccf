package io.windlass.agent.network;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HostConfig;
import io.windlass.agent.testing.ScriptedEngineHost;
import io.windlass.network.FixedIp;
import io.windlass.network.IngressRule;
import io.windlass.network.NetworkBinding;
import io.windlass.network.PortFilter;
import io.windlass.network.PortSpec;
import io.windlass.network.SubnetSpec;
import io.windlass.network.UpdatePortFilters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Security group filters on a real host of this test's own ({@code deploy/local/engine-host} 236:
 * a namespace with its own dockerd and iptables, so nothing here touches the machine's): three
 * busybox containers on one dual-stack Windlass network, made as the agent makes them; the target
 * T listens on TCP 8080, its neighbours C and O are unfiltered. {@link IptablesPortFilters} is
 * given T's filter as the conductor would send it, and the test checks what really gets through.
 * The steps build on one another, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortFiltersIT {
    private static final Path STATE = Path.of("/tmp/windlass-portfilters-it");
    private static final int HOST = 236;
    private static final String LABEL = "windlass.test";
    private static final String LABEL_VALUE = "port-filters-it";
    private static final String NET = "5e1f0c7a-8d2b-4c3e-9f40-1a2b3c4d4281";
    private static final String LATE_NET = "5e1f0c7a-8d2b-4c3e-9f40-1a2b3c4d4282";
    private static final String PORT_T = "4281a1c3-e5f7-4a00-8b00-5c6d7e8f9a0b";
    private static final String PORT_D = "4282b2d4-f6a8-4b00-8c00-6d7e8f9a0b1c";
    private static final String T4 = "198.19.238.10";
    private static final String C4 = "198.19.238.11";
    private static final String O4 = "198.19.238.12";
    private static final String T6 = "fd00:4281::10";
    private static final String C6 = "fd00:4281::11";
    private static final String D4 = "198.19.239.10";
    private static final NetworkBinding NETWORK = new NetworkBinding(NET, 4281, 1450, List.of(
            new SubnetSpec("198.19.238.0/24", "198.19.238.1", 4), new SubnetSpec("fd00:4281::/64", "fd00:4281::1", 6)),
            List.of());
    /** A network the host does not have yet when its port's filter arrives. */
    private static final NetworkBinding LATE_NETWORK = new NetworkBinding(LATE_NET, 4282, 1450,
            List.of(new SubnetSpec("198.19.239.0/24", "198.19.239.1", 4)), List.of());
    /** TCP 8080 from C only, over IPv4 and IPv6. */
    private static final List<IngressRule> TCP_FROM_C = List.of(
            new IngressRule(4, "tcp", 8080, 8080, List.of(C4 + "/32")),
            new IngressRule(6, "tcp", 8080, 8080, List.of(C6 + "/128")));

    private static ScriptedEngineHost host;
    private static EngineNetworks networks;
    private static IptablesPortFilters filters;
    private static String t;
    private static String c;
    private static String o;

    @BeforeAll
    static void makeHostAndContainers() {
        host = ScriptedEngineHost.start(HOST, STATE);
        filters = new IptablesPortFilters(host.commands());
        networks = host.networks(Optional.empty(), filters);
        removeWhatTheTestMade(); // a run that was killed may have left some
        t = run(NETWORK, PORT_T, "fa:16:3e:42:81:10", List.of(T4, T6), "wl-sg-t");
        c = run(NETWORK, "c", "fa:16:3e:42:81:11", List.of(C4, C6), "wl-sg-c");
        o = run(NETWORK, "o", "fa:16:3e:42:81:12", List.of(O4, "fd00:4281::12"), "wl-sg-o");
        // T serves TCP 8080 (IPv4 and IPv6), C serves 9090 for T to call
        background(t, "nc -ll -p 8080 -e echo ok");
        background(c, "nc -ll -p 9090 -e echo pong");
    }

    /** Runs even when a step or the set-up failed: nothing this test made stays behind. */
    @AfterAll
    static void removeHost() throws Exception {
        if (host == null) {
            return;
        }
        try {
            // the namespace goes with the host, and its iptables with it; removed anyway, as an agent would
            filters.apply(new UpdatePortFilters(List.of()));
        } finally {
            try {
                removeWhatTheTestMade();
            } finally {
                host.close();
            }
        }
    }

    private static void removeWhatTheTestMade() {
        DockerClient docker = host.docker();
        docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(LABEL, LABEL_VALUE)).exec()
                .forEach(x -> docker.removeContainerCmd(x.getId()).withForce(true).exec());
        networks.releaseIfUnused(NET);
        networks.releaseIfUnused(LATE_NET);
    }

    private static String run(NetworkBinding network, String portId, String mac, List<String> addresses,
                              String name) {
        List<FixedIp> ips = addresses.stream().map(a -> new FixedIp("subnet", a)).toList();
        return host.runOnPort(networks, network, new PortSpec(portId, network.networkId(), mac, ips), name,
                Map.of(LABEL, LABEL_VALUE), HostConfig.newHostConfig());
    }

    /** Starts a server in the container; its output goes nowhere, so the exec returns at once. */
    private static void background(String container, String command) {
        assertEquals(0, host.exec(container, "sh", "-c", command + " >/dev/null 2>&1 &").exitCode());
    }

    private static PortFilter filterOfT(List<IngressRule> rules) {
        return new PortFilter(PORT_T, NET, 4281, List.of(T4, T6), rules);
    }

    private static void apply(PortFilter... ports) {
        filters.apply(new UpdatePortFilters(List.of(ports)));
    }

    /** Whether a TCP connection from the container to address:port gets an answer (2 s to connect). */
    private static boolean connects(String from, String address, int port) {
        HostCommands.Result result = host.exec(from, "sh", "-c", "echo hi | nc -w 2 " + address + " " + port);
        return result.exitCode() == 0 && !result.stdout().isBlank();
    }

    private static boolean pings(String from, String address) {
        return host.exec(from, address.contains(":") ? "ping6" : "ping", "-c", "1", "-W", "2", address)
                .exitCode() == 0;
    }

    private static String rules(IpFamily family) {
        return host.commands().runOrFail(List.of(family.tool(), "-w", "-S"));
    }

    private static String firstForwardRule() {
        return rules(IpFamily.V4).lines().filter(l -> l.startsWith("-A FORWARD ")).findFirst().orElse("");
    }

    @Test
    @Order(1)
    void withoutAFilterEverythingReachesThePort() {
        assertTrue(connects(c, T4, 8080));
        assertTrue(pings(c, T4));
        assertTrue(connects(o, T4, 8080));
        // IPv6 addresses become usable once duplicate address detection is done
        assertTrue(eventually(() -> pings(c, T6)), "C reaches T over IPv6");
    }

    @Test
    @Order(2)
    void onlyWhatARuleLetsInReachesThePort() {
        apply(filterOfT(TCP_FROM_C));

        assertTrue(connects(c, T4, 8080), "TCP 8080 from C is let in");
        assertTrue(connects(c, T6, 8080), "over IPv6 too");
        assertFalse(connects(o, T4, 8080), "not from O");
        assertFalse(pings(c, T4), "no rule lets ICMP in");
        assertFalse(pings(c, T6), "nor ICMPv6 echo");
        assertFalse(connects(c, T4, 8081), "another port neither");
        assertTrue(pings(c, O4), "O is not filtered");

        assertTrue(pings(t, C4), "the answer to what T sent comes back");
        assertTrue(connects(t, C4, 9090), "and so does a connection T opened");

        assertEquals("-A FORWARD -j " + PortFilterChains.DISPATCH, firstForwardRule());
        String chain = PortFilterChains.of(PORT_T);
        assertTrue(rules(IpFamily.V4).contains("-A " + PortFilterChains.DISPATCH + " -d " + T4 + "/32 -o wlbr4281 -j "
                + chain), rules(IpFamily.V4));
        assertTrue(rules(IpFamily.V6).contains("-A " + PortFilterChains.DISPATCH + " -d " + T6 + "/128 -o wlbr4281 -j "
                + chain), rules(IpFamily.V6));
    }

    @Test
    @Order(3)
    void anIcmpRuleLetsPingIn() {
        List<IngressRule> rules = new ArrayList<>(TCP_FROM_C);
        rules.add(new IngressRule(4, "icmp", null, null, null));
        apply(filterOfT(rules));

        assertTrue(pings(c, T4));
        assertTrue(pings(o, T4), "from anywhere");
        assertFalse(pings(c, T6), "an IPv4 rule lets no ICMPv6 in");
        assertFalse(connects(o, T4, 8080), "TCP 8080 still from C only");
        assertTrue(connects(c, T4, 8080));
    }

    @Test
    @Order(4)
    void theSameListAgainChangesNothing() {
        List<IngressRule> rules = new ArrayList<>(TCP_FROM_C);
        rules.add(new IngressRule(4, "icmp", null, null, null));
        String v4 = rules(IpFamily.V4);
        String v6 = rules(IpFamily.V6);
        apply(filterOfT(rules));
        apply(filterOfT(rules));
        assertEquals(v4, rules(IpFamily.V4));
        assertEquals(v6, rules(IpFamily.V6));
    }

    @Test
    @Order(5)
    void aNetworkMadeAfterItsPortsFilterIsFilteredAtOnce() {
        PortFilter filterOfD = new PortFilter(PORT_D, LATE_NET, 4282, List.of(D4), List.of());
        apply(filterOfT(TCP_FROM_C), filterOfD);
        String d = run(LATE_NETWORK, PORT_D, "fa:16:3e:42:82:10", List.of(D4), "wl-sg-d");
        String e = run(LATE_NETWORK, "e", "fa:16:3e:42:82:11", List.of("198.19.239.11"), "wl-sg-e");
        // the engine put its ACCEPT for the new network first in FORWARD; making the network put the filters back ahead
        assertEquals("-A FORWARD -j " + PortFilterChains.DISPATCH, firstForwardRule());
        assertFalse(pings(e, D4), "D's filter holds");
        assertTrue(pings(d, "198.19.239.11"), "D's own traffic is answered");
        assertFalse(connects(o, T4, 8080), "T's filter still holds");
        assertTrue(connects(c, T4, 8080));
    }

    @Test
    @Order(6)
    void anEmptyListRemovesEveryFilter() {
        apply();

        assertTrue(rules(IpFamily.V4).lines().noneMatch(l -> l.contains(PortFilterChains.PREFIX)), rules(IpFamily.V4));
        assertTrue(rules(IpFamily.V6).lines().noneMatch(l -> l.contains(PortFilterChains.PREFIX)), rules(IpFamily.V6));
        assertTrue(pings(c, T4), "everything flows again");
        assertTrue(pings(c, T6));
        assertTrue(connects(o, T4, 8080));
        apply(); // and again: nothing to do
    }

    private static boolean eventually(BooleanSupplier condition) {
        for (int i = 0; i < 10; i++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
