package io.windlass.agent.network;

import io.windlass.network.FixedIp;
import io.windlass.network.PortSpec;
import io.windlass.network.SubnetSpec;
import io.windlass.network.NetworkBinding;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.HostConfig;
import io.windlass.agent.testing.ScriptedEngineHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data plane on two real hosts of this test's own ({@code deploy/local/engine-host} 231 and
 * 232: namespaces with their own dockerd, joined through the root namespace as {@code up --hosts}
 * joins them): network X carried by VXLAN between them, containers on ports with exact addresses
 * and MACs reaching each other across hosts, network Y reaching neither, and the network's life
 * on a host (ensure twice, peers changing, gone with its last container). The steps build on one
 * another, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrossHostNetworkIT {
    private static final Path STATE = Path.of("/tmp/windlass-dataplane-it");
    private static final String LABEL = "windlass.test";
    private static final String LABEL_VALUE = "cross-host-network-it";
    private static final String NET_X = "0b6a44a5-53d8-4c1c-9e26-3f1a0e0c4242";
    private static final String NET_Y = "0b6a44a5-53d8-4c1c-9e26-3f1a0e0c4243";
    private static final String NET_V = "0b6a44a5-53d8-4c1c-9e26-3f1a0e0c4245";
    private static final String NET_W = "0b6a44a5-53d8-4c1c-9e26-3f1a0e0c4246";
    private static final String IP_A = "198.19.250.10";
    private static final String IP_B = "198.19.250.11";
    private static final String MAC_A = "fa:16:3e:00:00:0a";
    private static final String MAC_B = "fa:16:3e:00:00:0b";

    private static final List<ScriptedEngineHost> HOSTS = new ArrayList<>();
    private static ScriptedEngineHost host1;
    private static ScriptedEngineHost host2;
    private static EngineNetworks networks1;
    private static EngineNetworks networks2;
    private static String containerA;
    private static String containerB;

    @BeforeAll
    static void makeHosts() {
        host1 = ScriptedEngineHost.start(231, STATE);
        HOSTS.add(host1);
        host2 = ScriptedEngineHost.start(232, STATE);
        HOSTS.add(host2);
        networks1 = host1.networks(Optional.of(host1.underlayAddress()));
        networks2 = host2.networks(Optional.of(host2.underlayAddress()));
        for (ScriptedEngineHost host : HOSTS) {
            removeWhatTheTestMade(host); // a run that was killed may have left some
        }
    }

    /** Runs even when a step or the set-up failed: nothing this test made stays behind. */
    @AfterAll
    static void removeHosts() throws Exception {
        Exception first = null;
        for (ScriptedEngineHost host : HOSTS) {
            try {
                removeWhatTheTestMade(host);
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
            try {
                host.close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static void removeWhatTheTestMade(ScriptedEngineHost host) {
        DockerClient docker = host.docker();
        docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(LABEL, LABEL_VALUE)).exec()
                .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
        EngineNetworks networks = host.networks(Optional.of(host.underlayAddress()));
        for (String net : List.of(NET_X, NET_Y, NET_V, NET_W)) {
            networks.releaseIfUnused(net);
        }
    }

    private static NetworkBinding x(List<String> peers) {
        return new NetworkBinding(NET_X, 4242, 1450, List.of(new SubnetSpec("198.19.250.0/24", "198.19.250.1", 4)),
                peers);
    }

    private static NetworkBinding y(List<String> peers) {
        return new NetworkBinding(NET_Y, 4243, 1450, List.of(new SubnetSpec("198.19.251.0/24", "198.19.251.1", 4)),
                peers);
    }

    /** A dual-stack network: VNI 4240 + n, 198.19.(248 + n).0/24 and fd00:424n::/64. */
    private static NetworkBinding dualStack(String id, int n) {
        return new NetworkBinding(id, 4240 + n, 1450, List.of(
                new SubnetSpec("198.19." + (248 + n) + ".0/24", "198.19." + (248 + n) + ".1", 4),
                new SubnetSpec("fd00:424" + n + "::/64", "fd00:424" + n + "::1", 6)), bothHosts());
    }

    private static PortSpec dualStackPort(String id, NetworkBinding network, String mac, int host) {
        String v4 = network.subnets().getFirst().cidr().replace(".0/24", "." + host);
        String v6 = network.subnets().get(1).cidr().replace("::/64", "::" + host);
        return new PortSpec(id, network.networkId(), mac, List.of(new FixedIp("v4", v4), new FixedIp("v6", v6)));
    }

    private static List<String> bothHosts() {
        return List.of(host1.underlayAddress(), host2.underlayAddress());
    }

    private static String run(ScriptedEngineHost host, EngineNetworks networks, NetworkBinding binding, PortSpec port,
                              String name, HostConfig hostConfig) {
        return host.runOnPort(networks, binding, port, name, Map.of(LABEL, LABEL_VALUE), hostConfig);
    }

    private static int ping(ScriptedEngineHost host, String container, String address) {
        return host.exec(container, "ping", "-c", "1", "-W", "2", address).exitCode();
    }

    @Test
    @Order(1)
    void containersOfOneNetworkReachEachOtherAcrossHosts() {
        containerA = run(host1, networks1, x(bothHosts()),
                new PortSpec("port-a", NET_X, MAC_A, List.of(new FixedIp("subnet-x", IP_A))), "wl-it-a",
                HostConfig.newHostConfig());
        containerB = run(host2, networks2, x(bothHosts()),
                new PortSpec("port-b", NET_X, MAC_B, List.of(new FixedIp("subnet-x", IP_B))), "wl-it-b",
                HostConfig.newHostConfig());

        assertEquals(0, ping(host1, containerA, IP_B), "A on host 231 reaches B on host 232");
        assertEquals(0, ping(host2, containerB, IP_A), "B on host 232 reaches A on host 231");

        ContainerNetwork a = host1.docker().inspectContainerCmd(containerA).exec().getNetworkSettings().getNetworks()
                .get("wl-net-" + NET_X);
        assertEquals(IP_A, a.getIpAddress());
        assertEquals(MAC_A, a.getMacAddress());
        ContainerNetwork b = host2.docker().inspectContainerCmd(containerB).exec().getNetworkSettings().getNetworks()
                .get("wl-net-" + NET_X);
        assertEquals(IP_B, b.getIpAddress());
        assertEquals(MAC_B, b.getMacAddress());
        // and the kernel agrees with the engine: the container's interface has the port's MAC and MTU
        String link = host1.exec(containerA, "ip", "link", "show", "eth0").stdout();
        assertTrue(link.contains(MAC_A) && link.contains("mtu 1450"), link);

        VxlanDevices devices = new VxlanDevices(host1.commands());
        VxlanLink vxlan = devices.find("wlvx4242").orElseThrow();
        assertEquals(new VxlanLink("wlvx4242", 4242, host1.underlayAddress(), 4789, false, "wlbr4242", 1450, true),
                vxlan);
        assertEquals(List.of(host2.underlayAddress()), devices.floodDestinations("wlvx4242"));
    }

    @Test
    @Order(2)
    void aContainerOfAnotherNetworkReachesNeither() {
        // NET_ADMIN: even a container that rearranges its own routes and addresses gets nowhere
        String c = run(host2, networks2, y(bothHosts()),
                new PortSpec("port-c", NET_Y, "fa:16:3e:00:00:0c", List.of(new FixedIp("subnet-y", "198.19.251.10"))),
                "wl-it-c", HostConfig.newHostConfig().withCapAdd(Capability.NET_ADMIN));
        assertNotEquals(0, ping(host2, c, IP_A), "no route from Y to X");
        assertNotEquals(0, ping(host2, c, IP_B));

        // through its own gateway: the host routes nothing between the two bridges. A and B could not
        // answer C (no route back), so what counts is whether a request arrives at all
        assertEquals(0, host2.exec(c, "ip", "route", "add", "198.19.250.0/24", "via", "198.19.251.1").exitCode());
        long echoesAtB = echoRequestsReceived(host2, containerB, 4);
        long echoesAtA = echoRequestsReceived(host1, containerA, 4);
        assertNotEquals(0, ping(host2, c, IP_A), "the host does not route from Y to X");
        assertNotEquals(0, ping(host2, c, IP_B), "the host does not route from Y to X");
        assertEquals(echoesAtB, echoRequestsReceived(host2, containerB, 4), "no request from Y arrived at B");
        assertEquals(echoesAtA, echoRequestsReceived(host1, containerA, 4), "no request from Y arrived at A");

        // on the wire: an address of X's subnet on Y's interface reaches only Y's bridge
        assertEquals(0, host2.exec(c, "ip", "route", "del", "198.19.250.0/24").exitCode());
        assertEquals(0, host2.exec(c, "ip", "addr", "add", "198.19.250.99/24", "dev", "eth0").exitCode());
        assertNotEquals(0, ping(host2, c, IP_B), "Y's bridge is not X's");
        assertNotEquals(0, ping(host2, c, IP_A), "Y's VXLAN segment is not X's");

        // while X still works
        assertEquals(0, ping(host1, containerA, IP_B));
    }

    @Test
    @Order(3)
    void aContainerCannotUseItsHostsVxlanSocketToEnterAnotherNetwork() {
        String c = host2.docker().listContainersCmd().withNameFilter(List.of("wl-it-c")).exec().getFirst().getId();
        assertNotEquals(0, ping(host2, c, "198.19.251.1"), "nothing from a tenant bridge is for the host");

        // the probe: an ARP request for B inside a VXLAN packet of X's VNI; B keeps its sender in its neighbours.
        // From host 231's underlay address it is a peer's frame, and B sees it.
        injectArpForB(host1.commands(), host2.underlayAddress(), "198.19.250.78");
        assertTrue(neighbours(host2, containerB).contains("198.19.250.78"), "the probe reaches B from a peer");
        // From C, at its own gateway (the host's address, where the host's VXLAN socket listens too), it must not
        injectArpForB(inContainer(host2, c), "198.19.251.1", "198.19.250.77");
        assertFalse(neighbours(host2, containerB).contains("198.19.250.77"), "C put a frame on X");
    }

    /**
     * ICMP echo requests the container's kernel has received so far ({@code /proc/net/snmp} or
     * {@code snmp6} of its namespace): a request that arrived counts even if no answer could get back.
     */
    private static long echoRequestsReceived(ScriptedEngineHost host, String container, int version) {
        if (version == 6) {
            Matcher m = Pattern.compile("Icmp6InEchos\\s+(\\d+)").matcher(
                    host.exec(container, "cat", "/proc/net/snmp6").stdout());
            assertTrue(m.find());
            return Long.parseLong(m.group(1));
        }
        List<String[]> icmp = host.exec(container, "cat", "/proc/net/snmp").stdout().lines()
                .filter(l -> l.startsWith("Icmp:")).map(l -> l.split("\\s+")).toList();
        int column = List.of(icmp.get(0)).indexOf("InEchos");
        return Long.parseLong(icmp.get(1)[column]);
    }

    /** Commands run in a container's network namespace: what the container could do with NET_ADMIN. */
    private static HostCommands inContainer(ScriptedEngineHost host, String container) {
        int pid = host.docker().inspectContainerCmd(container).exec().getState().getPid();
        return new HostCommands(List.of("nsenter", "--net=/proc/" + pid + "/ns/net"), Duration.ofSeconds(10));
    }

    /** Sends, from wherever {@code from} runs, a VXLAN packet (VNI 4242) holding an ARP request for B. */
    private static void injectArpForB(HostCommands from, String to, String senderIp) {
        String script = """
                import socket, struct, sys
                mac = bytes.fromhex("020000000077")
                arp = struct.pack("!HHBBH", 1, 0x0800, 6, 4, 1) + mac + socket.inet_aton(sys.argv[2]) \\
                    + bytes(6) + socket.inet_aton(sys.argv[3])
                frame = bytes.fromhex("ffffffffffff") + mac + bytes.fromhex("0806") + arp
                vxlan = struct.pack("!II", 0x08000000, 4242 << 8)
                socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(vxlan + frame, (sys.argv[1], 4789))
                """;
        from.runOrFail(List.of("python3", "-c", script, to, senderIp, IP_B));
        try {
            Thread.sleep(500); // delivery is asynchronous; half a second is ages on one machine
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String neighbours(ScriptedEngineHost host, String container) {
        return host.exec(container, "ip", "neigh").stdout();
    }

    @Test
    @Order(4)
    void ensuringAgainChangesNothing() {
        String before = host1.docker().inspectNetworkCmd().withNetworkId("wl-net-" + NET_X).exec().getId();
        assertEquals("wl-net-" + NET_X, networks1.ensure(x(bothHosts())));
        assertEquals("wl-net-" + NET_X, networks1.ensure(x(bothHosts())));
        assertEquals(before, host1.docker().inspectNetworkCmd().withNetworkId("wl-net-" + NET_X).exec().getId(),
                "the same engine network");
        assertEquals(List.of(host2.underlayAddress()), new VxlanDevices(host1.commands()).floodDestinations("wlvx4242"),
                "one flooding entry per peer, however often ensured");
        assertEquals(0, ping(host1, containerA, IP_B));
    }

    @Test
    @Order(5)
    void updatePeersFollowsTheHostsThatHoldTheNetwork() {
        VxlanDevices devices = new VxlanDevices(host1.commands());
        String gone = "198.18.233.2"; // a host that held the network and left
        FdbPlan joined = networks1.updatePeers(x(List.of(host1.underlayAddress(), host2.underlayAddress(), gone)));
        assertEquals(List.of(gone), joined.toAdd());
        assertEquals(List.of(host2.underlayAddress(), gone), devices.floodDestinations("wlvx4242"));

        FdbPlan left = networks1.updatePeers(x(bothHosts()));
        assertEquals(List.of(gone), left.toRemove());
        assertEquals(List.of(host2.underlayAddress()), devices.floodDestinations("wlvx4242"));

        // without host 232 among the peers, A's frames no longer go there
        networks1.updatePeers(x(List.of(host1.underlayAddress())));
        assertEquals(List.of(), devices.floodDestinations("wlvx4242"));
        host1.commands().runOrFail(List.of("ip", "neigh", "flush", "dev", "wlbr4242"));
        assertNotEquals(0, ping(host1, containerA, IP_B), "no peer, no way to B");
        networks1.updatePeers(x(bothHosts()));
        assertEquals(0, ping(host1, containerA, IP_B), "the peer is back");

        assertTrue(networks1.updatePeers(x(bothHosts())).isEmpty(), "the same peers again: nothing to do");
        assertTrue(host1.networks(Optional.empty()).updatePeers(x(bothHosts())).isEmpty(),
                "without an underlay there are no peers");
    }

    @Test
    @Order(6)
    void anEngineRestartLeavesTheNetworkWorking() {
        host2.restartEngine();
        assertEquals(0, ping(host1, containerA, IP_B), "the bridge, its VXLAN port and B outlive the engine");
        // what the agent's sync would do after it: nothing to change
        assertEquals("wl-net-" + NET_X, networks2.ensure(x(bothHosts())));
        assertEquals(List.of(host1.underlayAddress()), new VxlanDevices(host2.commands()).floodDestinations("wlvx4242"));
        assertEquals(0, ping(host2, containerB, IP_A));
    }

    /**
     * B's port moves to A's host and back, as an evacuated or unshelved server's does. A has just
     * talked to B, so A's host learned B's MAC behind its VXLAN device and A keeps B's address in its
     * neighbour table: without the moved port's MAC forgotten there, A's frames would go on leaving
     * for the host B has left until the entry aged out (five minutes).
     */
    @Test
    @Order(7)
    void aPortThatMovesToItsPeersHostIsReachedThereAtOnce() {
        PortSpec portB = new PortSpec("port-b", NET_X, MAC_B, List.of(new FixedIp("subnet-x", IP_B)));
        assertEquals(0, ping(host1, containerA, IP_B), "A reaches B on host 232");
        host2.docker().removeContainerCmd(containerB).withForce(true).exec();
        String moved = run(host1, networks1, x(bothHosts()), portB, "wl-it-b-moved", HostConfig.newHostConfig());
        assertEquals(0, ping(host1, containerA, IP_B), "A reaches B on its own host at once");

        assertEquals(0, ping(host2, run(host2, networks2, x(bothHosts()),
                new PortSpec("port-c", NET_X, "fa:16:3e:00:00:0c", List.of(new FixedIp("subnet-x", "198.19.250.12"))),
                "wl-it-c", HostConfig.newHostConfig()), IP_B), "C on host 232 learns where B is now");
        host1.docker().removeContainerCmd(moved).withForce(true).exec();
        containerB = run(host2, networks2, x(bothHosts()), portB, "wl-it-b", HostConfig.newHostConfig());
        assertEquals(0, host2.exec("wl-it-c", "ping", "-c", "1", "-W", "2", IP_B).exitCode(),
                "back on host 232, B is reached by C there at once");
        assertEquals(0, ping(host1, containerA, IP_B), "and by A across");
        host2.docker().removeContainerCmd("wl-it-c").withForce(true).exec();
    }

    @Test
    @Order(8)
    void aDualStackNetworkCarriesIpv6AcrossHostsAndNotIntoAnotherNetwork() {
        NetworkBinding v = dualStack(NET_V, 5);
        String d = run(host1, networks1, v, dualStackPort("port-d", v, "fa:16:3e:00:00:1d", 10), "wl-it-d",
                HostConfig.newHostConfig());
        String e = run(host2, networks2, v, dualStackPort("port-e", v, "fa:16:3e:00:00:1e", 11), "wl-it-e",
                HostConfig.newHostConfig());
        assertEquals(0, host1.exec(d, "ping6", "-c", "1", "-W", "2", "fd00:4245::11").exitCode(), "D reaches E");
        assertEquals(0, host2.exec(e, "ping6", "-c", "1", "-W", "2", "fd00:4245::10").exitCode(), "E reaches D");
        assertEquals(0, ping(host1, d, "198.19.253.11"));
        ContainerNetwork inspected = host1.docker().inspectContainerCmd(d).exec().getNetworkSettings().getNetworks()
                .get("wl-net-" + NET_V);
        assertEquals("fd00:4245::10", inspected.getGlobalIPv6Address());
        assertEquals("198.19.253.10", inspected.getIpAddress());
        assertEquals("fa:16:3e:00:00:1d", inspected.getMacAddress());

        // the engine gives an internal network's containers an IPv6 default route via the gateway and
        // adds no IPv6 rule: only the guard keeps F (network W) from being routed to E on the same host.
        // The host answers no neighbour solicitation from a tenant bridge (INPUT), so F is given the
        // gateway's MAC by hand, as a container with NET_ADMIN can: the FORWARD rules must hold alone
        NetworkBinding w = dualStack(NET_W, 6);
        String f = run(host2, networks2, w, dualStackPort("port-f", w, "fa:16:3e:00:00:1f", 10), "wl-it-f",
                HostConfig.newHostConfig().withCapAdd(Capability.NET_ADMIN));
        Matcher bridgeMac = Pattern.compile("\"address\":\"([0-9a-f:]{17})\"").matcher(
                host2.commands().runOrFail(List.of("ip", "-j", "link", "show", "dev", "wlbr4246")));
        assertTrue(bridgeMac.find());
        // busybox's ip has no neigh replace: the host's iproute2, in F's namespace, does what F could
        inContainer(host2, f).runOrFail(List.of("ip", "-6", "neigh", "replace", "fd00:4246::1", "lladdr",
                bridgeMac.group(1), "dev", "eth0", "nud", "permanent"));
        // and the host knows E's MAC, as a host that once talked to E would: the INPUT rule keeps it from
        // learning it now (E's neighbour advertisements are dropped), which alone would stop the routing
        host2.commands().runOrFail(List.of("ip", "-6", "neigh", "replace", "fd00:4245::11", "lladdr",
                "fa:16:3e:00:00:1e", "dev", "wlbr4245", "nud", "permanent"));
        long echoesAtE = echoRequestsReceived(host2, e, 6);
        long echoesAtD = echoRequestsReceived(host1, d, 6);
        assertNotEquals(0, host2.exec(f, "ping6", "-c", "1", "-W", "2", "fd00:4245::11").exitCode(), "W to V, one host");
        assertNotEquals(0, host2.exec(f, "ping6", "-c", "1", "-W", "2", "fd00:4245::10").exitCode(), "W to V, across");
        // E could not answer anyway (the host answers no neighbour solicitation for its gateway)
        assertEquals(echoesAtE, echoRequestsReceived(host2, e, 6), "no request from W arrived at E");
        assertEquals(echoesAtD, echoRequestsReceived(host1, d, 6), "no request from W arrived at D");
        assertEquals(0, host2.exec(e, "ping6", "-c", "1", "-W", "2", "fd00:4245::10").exitCode(), "V still works");
    }

    @Test
    @Order(9)
    void theNetworkLeavesAHostWithItsLastContainer() {
        VxlanDevices devices = new VxlanDevices(host1.commands());
        assertFalse(networks1.releaseIfUnused(NET_X), "A is still on X");
        assertTrue(devices.find("wlvx4242").isPresent());
        // a stopped container has no endpoint (the engine itself would let the network go), but it
        // gets its address back when started
        host1.docker().killContainerCmd(containerA).exec();
        assertFalse(networks1.releaseIfUnused(NET_X), "stopped, A still holds X");

        host1.docker().removeContainerCmd(containerA).withForce(true).exec();
        assertTrue(networks1.releaseIfUnused(NET_X));
        assertTrue(host1.docker().listNetworksCmd().withNameFilter("wl-net-" + NET_X).exec().stream()
                .noneMatch(n -> n.getName().equals("wl-net-" + NET_X)), "the engine network is gone");
        assertTrue(devices.find("wlvx4242").isEmpty(), "the VXLAN device is gone");
        assertFalse(host1.commands().run(List.of("ip", "link", "show", "dev", "wlbr4242")).ok(), "the bridge is gone");
        assertTrue(networks1.releaseIfUnused(NET_X), "releasing twice is fine");

        // host 232 still holds X for B
        assertTrue(new VxlanDevices(host2.commands()).find("wlvx4242").isPresent());
    }
}
