package io.windlass.agent.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.ContainerNetwork;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.windlass.agent.driver.docker.DockerServerDriver;
import io.windlass.agent.testing.AgentQueuesReset;
import io.windlass.agent.testing.ConductorProbe;
import io.windlass.agent.testing.ContainerSpecs;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.container.ContainerSpec;
import io.windlass.container.ContainerStatus;
import io.windlass.container.CreateContainer;
import io.windlass.container.DeleteContainer;
import io.windlass.context.RequestContext;
import io.windlass.network.AttachPort;
import io.windlass.network.DetachPort;
import io.windlass.network.FixedIp;
import io.windlass.network.InterfaceChange;
import io.windlass.network.PortSpec;
import io.windlass.network.WorkloadNetworks;
import io.windlass.rpc.RemoteException;
import io.windlass.rpc.RpcConnection;
import io.windlass.server.PowerState;
import io.windlass.server.ServerAction;
import io.windlass.server.ServerOperation;
import io.windlass.server.ServerRef;
import io.windlass.server.ServerSpec;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.windlass.agent.network.TestNetworks.WAIT;
import static io.windlass.agent.network.TestNetworks.address;
import static io.windlass.agent.network.TestNetworks.id;
import static io.windlass.agent.network.TestNetworks.network;
import static io.windlass.agent.network.TestNetworks.port;
import static io.windlass.agent.network.TestNetworks.vni;
import static io.windlass.agent.testing.WorkloadReport.CONTAINERS;
import static io.windlass.agent.testing.WorkloadReport.SERVERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code attach_port} and {@code detach_port} as the conductor calls them: over the real RabbitMQ
 * to the agent on the real dockerd, this machine being an underlay host as in {@link TenantNetworksIT}
 * (whose profile this shares). A placed container and a placed server gain a port on another network
 * (the network made for it, the workload on it with the port's address), keep it when asked again,
 * and lose it (the network gone from the host with its last user). Networks 7 to 9 of
 * {@link TestNetworks} are this test's own.
 */
@QuarkusTest
@TestProfile(TenantNetworksIT.WithUnderlay.class)
@WithTestResource(AgentQueuesReset.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InterfaceAttachIT {
    private static final String HOST = AgentQueuesReset.HOST;
    private static final String PEER = "198.18.251.2";

    @Inject
    ComputeRpcApi compute;
    @Inject
    EngineNetworks networks;
    @Inject
    RpcConnection connection;
    @Inject
    ObjectMapper json;

    private final RequestContext ctx = new RequestContext("req-" + UUID.randomUUID(), "req-global", "tester",
            "project-2", List.of("member"));
    private TestNetworks testNetworks;
    private ConductorProbe conductor;

    @BeforeAll
    void listenAsTheConductor() throws IOException {
        conductor = ConductorProbe.listen(connection, json);
        testNetworks = new TestNetworks("workload-interfaces-it", networks, List.of(7, 8, 9));
    }

    @AfterAll
    void cleanUp() throws Exception {
        testNetworks.close();
        conductor.close();
    }

    /** A running container on its first port, .host of network 7. */
    private String runningContainer(int host) {
        String uuid = UUID.randomUUID().toString();
        ContainerSpec spec = ContainerSpecs.container(uuid).labels(Map.of("windlass.test", "workload-interfaces-it"))
                .project("project-2").build();
        compute.createContainer(HOST, ctx, new CreateContainer(spec, true,
                new WorkloadNetworks(List.of(port(7, host)), List.of(network(7, List.of())))));
        CONTAINERS.await(conductor, uuid, "Running, done",
                r -> r.operationDone() && r.status() == ContainerStatus.RUNNING, WAIT);
        return uuid;
    }

    private boolean isOn(String engineName, int n) {
        return testNetworks.endpoints(engineName).containsKey(DataPlaneNames.engineNetwork(id(n)));
    }

    @Test
    void aContainerGainsAPortOnAnotherNetworkAndLosesItAgain() {
        String uuid = runningContainer(10);
        String engineName = ContainerSpec.engineName(uuid);
        PortSpec second = port(8, 11);
        AttachPort attach = new AttachPort(InterfaceChange.CONTAINER, uuid, second, network(8, List.of(PEER)));

        compute.attachPort(HOST, ctx, attach);
        ContainerNetwork added = testNetworks.endpoint(engineName, 8);
        assertEquals(address(8, 11), added.getIpAddress(), "the second port's address");
        assertEquals(address(7, 10), testNetworks.endpoint(engineName, 7).getIpAddress(), "the first port stays");
        assertTrue(testNetworks.hostHas(DataPlaneNames.bridge(vni(8))), "the network's bridge");
        assertEquals(List.of(PEER), testNetworks.flooding(8), "its VXLAN device floods to the peer");

        // asked again (a call retried after a lost answer): nothing changes, nothing fails
        compute.attachPort(HOST, ctx, attach);
        assertEquals(added.getEndpointId(), testNetworks.endpoint(engineName, 8).getEndpointId());

        DetachPort detach = new DetachPort(InterfaceChange.CONTAINER, uuid, second.portId(), id(8));
        compute.detachPort(HOST, ctx, detach);
        assertFalse(isOn(engineName, 8), "off the second network");
        // at once, not by the sync: nothing else uses it
        assertFalse(testNetworks.engineHasNetwork(8), "the engine network goes with its last user");
        testNetworks.assertNetworkGone(8);
        assertEquals(address(7, 10), testNetworks.endpoint(engineName, 7).getIpAddress(), "the first port stays");

        compute.detachPort(HOST, ctx, detach);
        assertTrue(isOn(engineName, 7));

        compute.deleteContainer(HOST, ctx, new DeleteContainer(uuid, true, false));
        CONTAINERS.await(conductor, uuid, "gone", r -> r.operationDone() && r.gone(), WAIT);
        // the container is gone: detached already
        compute.detachPort(HOST, ctx, new DetachPort(InterfaceChange.CONTAINER, uuid, "port-7", id(7)));
        testNetworks.assertNetworkGone(7);
    }

    @Test
    void anAttachTheHostCannotDoIsAnsweredAndLeavesNoNetwork() {
        for (String kind : List.of(InterfaceChange.CONTAINER, InterfaceChange.SERVER)) {
            RemoteException missing = assertThrows(RemoteException.class, () -> compute.attachPort(HOST, ctx,
                    new AttachPort(kind, UUID.randomUUID().toString(), port(8, 12), network(8, List.of()))));
            assertEquals("WorkloadNotFound", missing.type(), kind);
            assertFalse(testNetworks.engineHasNetwork(8), "nothing made for a workload the engine does not have");
        }

        String uuid = runningContainer(12);
        String engineName = ContainerSpec.engineName(uuid);
        // an address outside the network's subnets: the engine refuses to connect a running container with it
        PortSpec astray = new PortSpec(UUID.randomUUID().toString(), id(8), "fa:16:3e:42:68:0d",
                List.of(new FixedIp("subnet-8", "198.19.99.13")));
        RemoteException refused = assertThrows(RemoteException.class, () -> compute.attachPort(HOST, ctx,
                new AttachPort(InterfaceChange.CONTAINER, uuid, astray, network(8, List.of()))));
        assertEquals("EngineError", refused.type(), refused.getMessage());
        assertFalse(testNetworks.engineHasNetwork(8), "the network made for the refused attach is removed again");
        assertFalse(isOn(engineName, 8), "nothing of the refused connect is left in the container");
        // which it would otherwise fail on at its next start (dockerd 20.10 keeps the refused setting)
        testNetworks.docker().restartContainerCmd(engineName).withTimeout(0).exec();
        assertEquals(address(7, 12), testNetworks.endpoint(engineName, 7).getIpAddress());

        compute.deleteContainer(HOST, ctx, new DeleteContainer(uuid, true, false));
        CONTAINERS.await(conductor, uuid, "gone", r -> r.operationDone() && r.gone(), WAIT);
    }

    @Test
    void aServerSpawnedWithoutNetworksGainsAPortAndLosesItWhenStopped() {
        String uuid = UUID.randomUUID().toString();
        compute.spawnServer(HOST, ctx, new ServerSpec(uuid, "vm-" + uuid.substring(0, 8), "vm", "busybox:latest", 1,
                96, 1, Map.of(), "project-2", "user-2", "nova", 0, "r-it-if", null, List.of(), "none"));
        SERVERS.await(conductor, uuid, "running", r -> r.operationDone() && r.powerState() == PowerState.RUNNING,
                WAIT);
        String engineName = DockerServerDriver.engineName(uuid);
        PortSpec port = port(9, 20);

        compute.attachPort(HOST, ctx, new AttachPort(InterfaceChange.SERVER, uuid, port, network(9, List.of())));
        assertEquals(Set.of(DataPlaneNames.engineNetwork(id(9))), testNetworks.endpoints(engineName).keySet(),
                "it left none for its port");
        assertEquals(address(9, 20), testNetworks.endpoint(engineName, 9).getIpAddress());

        compute.serverAction(HOST, ctx, new ServerOperation(uuid, ServerAction.STOP));
        SERVERS.await(conductor, uuid, "shut down", r -> r.operationDone() && r.powerState() == PowerState.SHUTDOWN,
                WAIT);
        compute.detachPort(HOST, ctx, new DetachPort(InterfaceChange.SERVER, uuid, port.portId(), id(9)));
        assertFalse(isOn(engineName, 9), "a stopped server is let go too");
        testNetworks.assertNetworkGone(9);

        compute.destroyServer(HOST, ctx, new ServerRef(uuid));
        SERVERS.await(conductor, uuid, "gone", r -> r.operationDone() && r.gone(), WAIT);
    }
}
