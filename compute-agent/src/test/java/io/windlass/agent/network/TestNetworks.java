package io.windlass.agent.network;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ContainerNetwork;
import io.windlass.agent.driver.docker.DockerClientFactory;
import io.windlass.agent.testing.ConductorProbe;
import io.windlass.network.FixedIp;
import io.windlass.network.NetworkBinding;
import io.windlass.network.PortSpec;
import io.windlass.network.SubnetSpec;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The tenant networks the agent's network ITs make on this machine, and what those tests look at
 * on the host. Network n (1 to 9) has the uuid {@code 7e3a9c10-4a61-4c1c-9e26-3f1a0e0c426<n>}, VNI
 * 4260 + n and the subnet 198.19.(240 + n).0/24; each test class uses numbers of its own, so none
 * removes another's network. Made before a class's tests and closed after them, each time removing
 * what the class made: its engine containers (by their {@code windlass.test} label), then its networks.
 */
final class TestNetworks implements AutoCloseable {
    /** Long enough for a sync (2 s in the tests' profile) to have swept, and for a slow engine. */
    static final Duration WAIT = Duration.ofSeconds(40);
    private static final String NET_PREFIX = "7e3a9c10-4a61-4c1c-9e26-3f1a0e0c426";

    private final DockerClient docker = DockerClientFactory.create("unix:///var/run/docker.sock",
            Duration.ofSeconds(30));
    private final HostCommands host = HostCommands.local();
    private final String testLabel;
    private final EngineNetworks networks;
    private final List<Integer> numbers;

    /**
     * @param testLabel the {@code windlass.test} label of the class's containers
     * @param networks  the agent's, to release the class's networks as the agent does
     * @param numbers   the class's networks
     */
    TestNetworks(String testLabel, EngineNetworks networks, List<Integer> numbers) {
        this.testLabel = testLabel;
        this.networks = networks;
        this.numbers = List.copyOf(numbers);
        removeWhatTheTestMade();
    }

    /** The engine, as the test sees it. */
    DockerClient docker() {
        return docker;
    }

    static String id(int n) {
        return NET_PREFIX + n;
    }

    static int vni(int n) {
        return 4260 + n;
    }

    /** Network n with those hosts as its peers. */
    static NetworkBinding network(int n, List<String> peers) {
        return new NetworkBinding(id(n), vni(n), 1450,
                List.of(new SubnetSpec("198.19." + (240 + n) + ".0/24", "198.19." + (240 + n) + ".1", 4)), peers);
    }

    /** Address .host of network n. */
    static String address(int n, int host) {
        return "198.19." + (240 + n) + "." + host;
    }

    /** A new port on network n with address .host and MAC fa:16:3e:42:6n:host. */
    static PortSpec port(int n, int host) {
        return new PortSpec(UUID.randomUUID().toString(), id(n), String.format("fa:16:3e:42:6%d:%02x", n, host),
                List.of(new FixedIp("subnet-" + n, address(n, host))));
    }

    /** The engine networks the engine container is on, by name. */
    Map<String, ContainerNetwork> endpoints(String engineName) {
        return docker.inspectContainerCmd(engineName).exec().getNetworkSettings().getNetworks();
    }

    /** The engine container's endpoint on network n; fails the test when it is not on it. */
    ContainerNetwork endpoint(String engineName, int n) {
        ContainerNetwork net = endpoints(engineName).get(DataPlaneNames.engineNetwork(id(n)));
        assertTrue(net != null, engineName + " is on the engine network of network " + n);
        return net;
    }

    boolean hostHas(String link) {
        return host.run(List.of("ip", "link", "show", "dev", link)).ok();
    }

    boolean engineHasNetwork(int n) {
        return !docker.listNetworksCmd().withNameFilter(DataPlaneNames.engineNetwork(id(n))).exec().isEmpty();
    }

    /** The engine network, its bridge and its VXLAN device are gone, within {@link #WAIT}. */
    void assertNetworkGone(int n) {
        eventually(() -> !engineHasNetwork(n) && !hostHas(DataPlaneNames.bridge(vni(n)))
                && !hostHas(DataPlaneNames.vxlan(vni(n))), "network " + n + " gone from the host");
    }

    /** The hosts network n's frames are flooded to. */
    List<String> flooding(int n) {
        return new VxlanDevices(host).floodDestinations(DataPlaneNames.vxlan(vni(n)));
    }

    private void removeWhatTheTestMade() {
        docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of("windlass.test", testLabel)).exec()
                .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
        numbers.forEach(n -> networks.releaseIfUnused(id(n)));
    }

    @Override
    public void close() throws IOException {
        removeWhatTheTestMade();
        docker.close();
    }

    static void eventually(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("not within " + WAIT + ": " + what);
            }
            ConductorProbe.pause();
        }
    }
}
