package io.windlass.agent.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ContainerNetwork;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.windlass.agent.driver.docker.DockerCapsuleDriver;
import io.windlass.agent.driver.docker.DockerServerDriver;
import io.windlass.agent.testing.AgentQueuesReset;
import io.windlass.agent.testing.ConductorProbe;
import io.windlass.agent.testing.ContainerSpecs;
import io.windlass.agent.testing.WorkloadReport;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.windlass.agent.network.TestNetworks.eventually;
import static io.windlass.agent.network.TestNetworks.id;
import static io.windlass.agent.network.TestNetworks.network;
import static io.windlass.agent.network.TestNetworks.port;
import static io.windlass.agent.testing.WorkloadReport.CAPSULES;
import static io.windlass.agent.testing.WorkloadReport.CONTAINERS;
import static io.windlass.agent.testing.WorkloadReport.SERVERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    private static final Duration WAIT = TestNetworks.WAIT;

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
    private TestNetworks testNetworks;
    private DockerClient docker;
    private ConductorProbe conductor;

    @BeforeAll
    void listenAsTheConductor() throws IOException {
        testNetworks = new TestNetworks(TEST_LABEL_VALUE, networks, List.of(1, 2, 3, 4, 5, 6));
        docker = testNetworks.docker();
        conductor = ConductorProbe.listen(connection, json);
    }

    @AfterAll
    void cleanUp() throws Exception {
        conductor.close();
        testNetworks.close();
    }

    private static ContainerSpec container(String uuid) {
        return ContainerSpecs.container(uuid).name("it-" + uuid.substring(0, 8)).image("busybox")
                .command(List.of("sleep", "300")).labels(Map.of(TEST_LABEL, TEST_LABEL_VALUE)).project("project-1")
                .build();
    }

    private <T> T await(WorkloadReport<T> kind, String uuid, String what, Predicate<T> match) {
        return kind.await(conductor, uuid, what, match, WAIT);
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
        ContainerNetwork endpoint = testNetworks.endpoint(ContainerSpec.engineName(uuid), 1);
        assertEquals("198.19.241.10", endpoint.getIpAddress());
        assertEquals(port.mac(), endpoint.getMacAddress());
        assertTrue(testNetworks.hostHas("wlbr4261"), "the network's bridge");
        assertEquals(List.of("198.18.251.2"), testNetworks.flooding(1), "floods to the peer, not to itself");

        // a redelivered create changes nothing
        compute.createContainer(AgentQueuesReset.HOST, ctx, new CreateContainer(container(uuid), true,
                new WorkloadNetworks(List.of(port), List.of(net))));
        eventually(() -> conductor.received(ConductorRpcApi.REPORT_CONTAINER_STATUS, ContainerStatusReport.class)
                .stream().filter(r -> r.uuid().equals(uuid) && r.operationDone()).count() >= 2, "second create done");
        assertEquals(endpoint.getEndpointId(),
                testNetworks.endpoint(ContainerSpec.engineName(uuid), 1).getEndpointId());

        // another host joins, the first leaves: the conductor casts the whole new list
        compute.updateNetworkPeers(AgentQueuesReset.HOST, ctx,
                new UpdateNetworkPeers(net.withPeers(List.of("198.18.252.2", UNDERLAY))));
        eventually(() -> testNetworks.flooding(1).equals(List.of("198.18.252.2")),
                "flooding to exactly the new peer");

        compute.deleteContainer(AgentQueuesReset.HOST, ctx, new DeleteContainer(uuid, true, false));
        await(CONTAINERS, uuid, "gone", r -> r.operationDone() && r.gone());
        // released right after the removal, not only by the sync
        assertFalse(testNetworks.engineHasNetwork(1), "the engine network is removed with its last container");
        testNetworks.assertNetworkGone(1);
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
                spawned.addresses().get(id(2)), "ports win over network none: " + spawned.addresses());
        assertEquals("198.19.243.21", spawned.addresses().get(id(3)).getFirst().addr());
        String engineName = DockerServerDriver.engineName(uuid);
        assertEquals(first.mac(), testNetworks.endpoint(engineName, 2).getMacAddress());
        assertEquals("198.19.242.20", testNetworks.endpoint(engineName, 2).getIpAddress());
        assertEquals("198.19.243.21", testNetworks.endpoint(engineName, 3).getIpAddress(),
                "the second port, connected after");

        compute.destroyServer(AgentQueuesReset.HOST, ctx, new ServerRef(uuid));
        await(SERVERS, uuid, "gone", r -> r.operationDone() && r.gone());
        testNetworks.assertNetworkGone(2);
        testNetworks.assertNetworkGone(3);
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
        assertEquals("198.19.244.30", created.addresses().get(id(4)).getFirst().addr());
        String sandbox = DockerCapsuleDriver.sandboxName(uuid);
        assertEquals(port.mac(), testNetworks.endpoint(sandbox, 4).getMacAddress());
        assertEquals("198.19.244.30", testNetworks.endpoint(sandbox, 4).getIpAddress());
        assertEquals("container:" + docker.inspectContainerCmd(sandbox).exec().getId(),
                docker.inspectContainerCmd(DockerCapsuleDriver.memberName(app)).exec().getHostConfig()
                        .getNetworkMode(), "the member lives in the sandbox's namespace, on its port");

        compute.deleteCapsule(AgentQueuesReset.HOST, ctx, new DeleteCapsule(spec));
        await(CAPSULES, uuid, "gone", CapsuleStatusReport::gone);
        testNetworks.assertNetworkGone(4);
    }

    @Test
    void aNetworkLeftBehindGoesAtTheNextSync() {
        String uuid = UUID.randomUUID().toString();
        compute.createContainer(AgentQueuesReset.HOST, ctx, new CreateContainer(container(uuid), true,
                new WorkloadNetworks(List.of(port(5, 40)), List.of(network(5, List.of())))));
        await(CONTAINERS, uuid, "Running, done", r -> r.operationDone() && r.status() == ContainerStatus.RUNNING);
        assertTrue(testNetworks.engineHasNetwork(5));

        // removed behind the agent's back: nothing released the network
        docker.removeContainerCmd(ContainerSpec.engineName(uuid)).withForce(true).exec();
        testNetworks.assertNetworkGone(5);
    }

    @Test
    void aFailedCreateLeavesNoNetwork() {
        String uuid = UUID.randomUUID().toString();
        // an address outside the network's subnet: the engine takes it at create and refuses it at start
        PortSpec astray = new PortSpec(UUID.randomUUID().toString(), id(6), "fa:16:3e:42:66:50",
                List.of(new FixedIp("subnet-6", "198.19.99.50")));
        compute.createContainer(AgentQueuesReset.HOST, ctx, new CreateContainer(container(uuid), true,
                new WorkloadNetworks(List.of(astray), List.of(network(6, List.of())))));
        ContainerStatusReport failed = await(CONTAINERS, uuid, "failed", ContainerStatusReport::operationDone);
        assertEquals(ContainerStatus.ERROR, failed.status());
        assertTrue(failed.statusReason().startsWith("Failed to create container on host " + AgentQueuesReset.HOST),
                failed.statusReason());
        // at once, not by the sync
        assertFalse(testNetworks.engineHasNetwork(6),
                "the network made for the failed create is removed with it");
        testNetworks.assertNetworkGone(6);
    }

    @Test
    void heartbeatCarriesTheUnderlayAddress() {
        HostState beat = conductor.await(ConductorRpcApi.REPORT_HOST_STATE, HostState.class, s -> true, WAIT,
                "a heartbeat");
        assertEquals(UNDERLAY, beat.underlayAddress());
    }
}
