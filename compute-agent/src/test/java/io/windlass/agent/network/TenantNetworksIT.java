package io.windlass.agent.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ContainerNetwork;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.windlass.agent.driver.docker.DockerCapsuleDriver;
import io.windlass.agent.driver.docker.DockerClientFactory;
import io.windlass.agent.driver.docker.DockerServerDriver;
import io.windlass.agent.testing.AgentQueuesReset;
import io.windlass.agent.testing.ConductorProbe;
import io.windlass.agent.testing.ContainerSpecs;
import io.windlass.capsule.CapsuleMemberSpec;
import io.windlass.capsule.CapsuleSpec;
import io.windlass.capsule.CapsuleStatusReport;
import io.windlass.capsule.CreateCapsule;
import io.windlass.capsule.DeleteCapsule;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.container.ContainerAddress;
import io.windlass.container.ContainerSpec;
import io.windlass.container.ContainerStatus;
import io.windlass.container.ContainerStatusReport;
import io.windlass.container.CreateContainer;
import io.windlass.container.DeleteContainer;
import io.windlass.context.RequestContext;
import io.windlass.host.HostState;
import io.windlass.network.FixedIp;
import io.windlass.network.NetworkBinding;
import io.windlass.network.PortSpec;
import io.windlass.network.SubnetSpec;
import io.windlass.network.UpdateNetworkPeers;
import io.windlass.network.WorkloadNetworks;
import io.windlass.rpc.RpcConnection;
import io.windlass.server.PowerState;
import io.windlass.server.ServerAddress;
import io.windlass.server.ServerRef;
import io.windlass.server.ServerSpec;
import io.windlass.server.ServerStatusReport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The agent puts workloads on their ports: requests cast over the real RabbitMQ to the agent on
 * the real dockerd, with this machine's namespace as the host (underlay address 198.18.250.2, which
 * no interface has: the VXLAN devices are made and flood, nothing arrives). Each workload gets its
 * port's IP and MAC, its network is made with it and gone after it; peer updates change the
 * flooding entries; a network left behind by a removal the agent did not do goes at the next sync.
 * Networks, VNIs and addresses are this test's own (VNI 4261-4266, 198.19.241-246.0/24).
 */
@QuarkusTest
@TestProfile(TenantNetworksIT.WithUnderlay.class)
@WithTestResource(AgentQueuesReset.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantNetworksIT {
    private static final String UNDERLAY = "198.18.250.2";
    private static final String TEST_LABEL = "windlass.test";
    private static final String TEST_LABEL_VALUE = "tenant-networks-it";
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final String NET_PREFIX = "7e3a9c10-4a61-4c1c-9e26-3f1a0e0c426";

    /** The agent as an underlay host, with a quick sync so that its sweep is seen. */
    public static class WithUnderlay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("windlass.agent.underlay-address", UNDERLAY, "windlass.agent.sync-interval", "2s");
        }
    }

    @Inject
    ComputeRpcApi compute;
    @Inject
    RpcConnection connection;
    @Inject
    ObjectMapper json;
    @Inject
    EngineNetworks networks;

    private final RequestContext ctx = new RequestContext("req-" + UUID.randomUUID(), "req-global", "tester",
            "project-1", List.of("admin"));
    private final HostCommands host = HostCommands.local();
    private DockerClient docker;
    private ConductorProbe conductor;

    @BeforeAll
    void listenAsTheConductor() throws IOException {
        docker = DockerClientFactory.create("unix:///var/run/docker.sock", Duration.ofSeconds(30));
        removeWhatTheTestMade();
        conductor = ConductorProbe.listen(connection, json);
    }

    @AfterAll
    void cleanUp() throws Exception {
        conductor.close();
        removeWhatTheTestMade();
        docker.close();
    }

    private void removeWhatTheTestMade() {
        docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(TEST_LABEL, TEST_LABEL_VALUE)).exec()
                .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
        for (int n = 1; n <= 6; n++) {
            networks.releaseIfUnused(NET_PREFIX + n);
        }
    }

    /** Network n of this test: VNI 4260 + n, 198.19.(240 + n).0/24. */
    private static NetworkBinding network(int n, List<String> peers) {
        return new NetworkBinding(NET_PREFIX + n, 4260 + n, 1450,
                List.of(new SubnetSpec("198.19." + (240 + n) + ".0/24", "198.19." + (240 + n) + ".1", 4)), peers);
    }

    /** A port on network n with address .host and MAC fa:16:3e:42:6n:host. */
    private static PortSpec port(int n, int host) {
        return new PortSpec(UUID.randomUUID().toString(), NET_PREFIX + n, String.format("fa:16:3e:42:6%d:%02x", n, host),
                List.of(new FixedIp("subnet-" + n, "198.19." + (240 + n) + "." + host)));
    }

    private static ContainerSpec container(String uuid) {
        return ContainerSpecs.container(uuid).name("it-" + uuid.substring(0, 8)).image("busybox")
                .command(List.of("sleep", "300")).labels(Map.of(TEST_LABEL, TEST_LABEL_VALUE)).project("project-1")
                .build();
    }

    private <T> T await(ComputeReport<T> kind, String uuid, String what, Predicate<T> match) {
        return conductor.await(kind.method(), kind.type(), r -> kind.uuid(r).equals(uuid) && match.test(r), WAIT,
                what + " for " + uuid);
    }

    private record ComputeReport<T>(io.windlass.rpc.RpcMethod<T> method, Class<T> type,
                                    java.util.function.Function<T, String> uuidOf) {
        String uuid(T report) {
            return uuidOf.apply(report);
        }
    }

    private static final ComputeReport<ContainerStatusReport> CONTAINERS = new ComputeReport<>(
            ConductorRpcApi.REPORT_CONTAINER_STATUS, ContainerStatusReport.class, ContainerStatusReport::uuid);
    private static final ComputeReport<ServerStatusReport> SERVERS = new ComputeReport<>(
            ConductorRpcApi.REPORT_SERVER_STATUS, ServerStatusReport.class, ServerStatusReport::uuid);
    private static final ComputeReport<CapsuleStatusReport> CAPSULES = new ComputeReport<>(
            ConductorRpcApi.REPORT_CAPSULE_STATUS, CapsuleStatusReport.class, CapsuleStatusReport::uuid);

    private ContainerNetwork endpoint(String engineName, int n) {
        ContainerNetwork net = docker.inspectContainerCmd(engineName).exec().getNetworkSettings().getNetworks()
                .get(DataPlaneNames.engineNetwork(NET_PREFIX + n));
        assertTrue(net != null, engineName + " is on the engine network of network " + n);
        return net;
    }

    private boolean hostHas(String link) {
        return host.run(List.of("ip", "link", "show", "dev", link)).ok();
    }

    private boolean engineHasNetwork(int n) {
        return !docker.listNetworksCmd().withNameFilter(DataPlaneNames.engineNetwork(NET_PREFIX + n)).exec().isEmpty();
    }

    private void assertNetworkGone(int n) {
        eventually(() -> !engineHasNetwork(n) && !hostHas(DataPlaneNames.bridge(4260 + n))
                && !hostHas(DataPlaneNames.vxlan(4260 + n)), "network " + n + " gone from the host");
    }

    private static void eventually(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("not within " + WAIT + ": " + what);
            }
            ConductorProbe.pause();
        }
    }

    private List<String> flooding(int n) {
        return new VxlanDevices(host).floodDestinations(DataPlaneNames.vxlan(4260 + n));
    }

    @Test
    void aContainerGetsItsPortAndItsNetworkGoesWithIt() {
        String uuid = UUID.randomUUID().toString();
        PortSpec port = port(1, 10);
        NetworkBinding net = network(1, List.of("198.18.251.2", UNDERLAY));
        compute.createContainer(AgentQueuesReset.HOST, ctx, new CreateContainer(container(uuid), true,
                new WorkloadNetworks(List.of(port), List.of(net))));

        ContainerStatusReport created = await(CONTAINERS, uuid, "Running, done",
                r -> r.operationDone() && r.status() == ContainerStatus.RUNNING);
        List<ContainerAddress> reported = created.addresses().get(net.networkId());
        assertTrue(reported != null, "addresses under the Windlass network uuid: " + created.addresses());
        assertEquals("198.19.241.10", reported.getFirst().addr());
        ContainerNetwork endpoint = endpoint(ContainerSpec.engineName(uuid), 1);
        assertEquals("198.19.241.10", endpoint.getIpAddress());
        assertEquals(port.mac(), endpoint.getMacAddress());
        assertTrue(hostHas("wlbr4261"), "the network's bridge");
        assertEquals(List.of("198.18.251.2"), flooding(1), "floods to the peer, not to itself");

        // a redelivered create changes nothing
        compute.createContainer(AgentQueuesReset.HOST, ctx, new CreateContainer(container(uuid), true,
                new WorkloadNetworks(List.of(port), List.of(net))));
        eventually(() -> conductor.received(ConductorRpcApi.REPORT_CONTAINER_STATUS, ContainerStatusReport.class)
                .stream().filter(r -> r.uuid().equals(uuid) && r.operationDone()).count() >= 2, "second create done");
        assertEquals(endpoint.getEndpointId(), endpoint(ContainerSpec.engineName(uuid), 1).getEndpointId());

        // another host joins, the first leaves: the conductor casts the whole new list
        compute.updateNetworkPeers(AgentQueuesReset.HOST, ctx,
                new UpdateNetworkPeers(net.withPeers(List.of("198.18.252.2", UNDERLAY))));
        eventually(() -> flooding(1).equals(List.of("198.18.252.2")), "flooding to exactly the new peer");

        compute.deleteContainer(AgentQueuesReset.HOST, ctx, new DeleteContainer(uuid, true, false));
        await(CONTAINERS, uuid, "gone", r -> r.operationDone() && r.gone());
        // released right after the removal, not only by the sync
        assertFalse(engineHasNetwork(1), "the engine network is removed with its last container");
        assertNetworkGone(1);
    }

    @Test
    void aServerGetsItsPortsAndTheirNetworksGoWithIt() {
        String uuid = UUID.randomUUID().toString();
        PortSpec first = port(2, 20);
        PortSpec second = port(3, 21);
        ServerSpec spec = new ServerSpec(uuid, "vm-" + uuid.substring(0, 8), "vm-" + uuid.substring(0, 8),
                "busybox:latest", 1, 96, 1, Map.of(), "project-1", "user-1", "nova", 0, "r-it", null, List.of(),
                "none").withNetworks(new WorkloadNetworks(List.of(first, second),
                List.of(network(2, List.of()), network(3, List.of()))));
        compute.spawnServer(AgentQueuesReset.HOST, ctx, spec);

        ServerStatusReport spawned = await(SERVERS, uuid, "running, done",
                r -> r.operationDone() && r.powerState() == PowerState.RUNNING);
        assertEquals(List.of(new ServerAddress("198.19.242.20", 4, first.mac())),
                spawned.addresses().get(NET_PREFIX + 2), "ports win over network none: " + spawned.addresses());
        assertEquals("198.19.243.21", spawned.addresses().get(NET_PREFIX + 3).getFirst().addr());
        String engineName = DockerServerDriver.engineName(uuid);
        assertEquals(first.mac(), endpoint(engineName, 2).getMacAddress());
        assertEquals("198.19.242.20", endpoint(engineName, 2).getIpAddress());
        assertEquals("198.19.243.21", endpoint(engineName, 3).getIpAddress(), "the second port, connected after");

        compute.destroyServer(AgentQueuesReset.HOST, ctx, new ServerRef(uuid));
        await(SERVERS, uuid, "gone", r -> r.operationDone() && r.gone());
        assertNetworkGone(2);
        assertNetworkGone(3);
    }

    @Test
    void aCapsuleSandboxGetsThePortItsMembersShare() {
        String uuid = UUID.randomUUID().toString();
        PortSpec port = port(4, 30);
        CapsuleMemberSpec app = new CapsuleMemberSpec(UUID.randomUUID().toString(), "app", "app", "busybox",
                List.of("sleep", "300"), Map.of(), null, 0, 0, List.of(), List.of());
        CapsuleSpec spec = new CapsuleSpec(uuid, "it-net", "no", List.of(), List.of(app), List.of());
        compute.createCapsule(AgentQueuesReset.HOST, ctx, new CreateCapsule(spec,
                new WorkloadNetworks(List.of(port), List.of(network(4, List.of())))));

        CapsuleStatusReport created = await(CAPSULES, uuid, "created", CapsuleStatusReport::operationDone);
        assertEquals(ContainerStatus.RUNNING, created.status(), created.statusReason());
        assertEquals("198.19.244.30", created.addresses().get(NET_PREFIX + 4).getFirst().addr());
        String sandbox = DockerCapsuleDriver.sandboxName(uuid);
        assertEquals(port.mac(), endpoint(sandbox, 4).getMacAddress());
        assertEquals("198.19.244.30", endpoint(sandbox, 4).getIpAddress());
        assertEquals("container:" + docker.inspectContainerCmd(sandbox).exec().getId(),
                docker.inspectContainerCmd(DockerCapsuleDriver.memberName(app)).exec().getHostConfig()
                        .getNetworkMode(), "the member lives in the sandbox's namespace, on its port");

        compute.deleteCapsule(AgentQueuesReset.HOST, ctx, new DeleteCapsule(spec));
        await(CAPSULES, uuid, "gone", CapsuleStatusReport::gone);
        assertNetworkGone(4);
    }

    @Test
    void aNetworkLeftBehindGoesAtTheNextSync() {
        String uuid = UUID.randomUUID().toString();
        compute.createContainer(AgentQueuesReset.HOST, ctx, new CreateContainer(container(uuid), true,
                new WorkloadNetworks(List.of(port(5, 40)), List.of(network(5, List.of())))));
        await(CONTAINERS, uuid, "Running, done", r -> r.operationDone() && r.status() == ContainerStatus.RUNNING);
        assertTrue(engineHasNetwork(5));

        // removed behind the agent's back: nothing released the network
        docker.removeContainerCmd(ContainerSpec.engineName(uuid)).withForce(true).exec();
        assertNetworkGone(5);
    }

    @Test
    void aFailedCreateLeavesNoNetwork() {
        String uuid = UUID.randomUUID().toString();
        // an address outside the network's subnet: the engine takes it at create and refuses it at start
        PortSpec astray = new PortSpec(UUID.randomUUID().toString(), NET_PREFIX + 6, "fa:16:3e:42:66:50",
                List.of(new FixedIp("subnet-6", "198.19.99.50")));
        compute.createContainer(AgentQueuesReset.HOST, ctx, new CreateContainer(container(uuid), true,
                new WorkloadNetworks(List.of(astray), List.of(network(6, List.of())))));
        ContainerStatusReport failed = await(CONTAINERS, uuid, "failed", ContainerStatusReport::operationDone);
        assertEquals(ContainerStatus.ERROR, failed.status());
        assertTrue(failed.statusReason().startsWith("Failed to create container on host " + AgentQueuesReset.HOST),
                failed.statusReason());
        // at once, not by the sync
        assertFalse(engineHasNetwork(6), "the network made for the failed create is removed with it");
        assertNetworkGone(6);
    }

    @Test
    void heartbeatCarriesTheUnderlayAddress() {
        HostState beat = conductor.await(ConductorRpcApi.REPORT_HOST_STATE, HostState.class, s -> true, WAIT,
                "a heartbeat");
        assertEquals(UNDERLAY, beat.underlayAddress());
    }
}
