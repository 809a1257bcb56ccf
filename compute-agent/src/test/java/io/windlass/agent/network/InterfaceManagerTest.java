package io.windlass.agent.network;

import io.windlass.agent.driver.DriverException;
import io.windlass.agent.driver.EngineUnreachableException;
import io.windlass.agent.driver.HostInventory;
import io.windlass.agent.driver.WorkloadNotFoundException;
import io.windlass.agent.driver.fake.FakeContainerDriver;
import io.windlass.agent.driver.fake.FakeServerDriver;
import io.windlass.agent.testing.ContainerSpecs;
import io.windlass.agent.workload.InterfaceDriver;
import io.windlass.agent.workload.WorkloadLocks;
import io.windlass.fault.TransientFailure;
import io.windlass.network.AttachPort;
import io.windlass.network.DetachPort;
import io.windlass.network.FixedIp;
import io.windlass.network.InterfaceChange;
import io.windlass.network.NetworkBinding;
import io.windlass.network.PortSpec;
import io.windlass.network.SubnetSpec;
import io.windlass.network.WorkloadNetworks;
import io.windlass.rpc.RpcHandlerException;
import io.windlass.server.ServerSpec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** attach_port and detach_port as the host answers them: which driver, under which lock, with which error. */
class InterfaceManagerTest {
    private static final String NET = "6d1e0c4a-0000-4000-8000-0000000000c1";
    private static final NetworkBinding NETWORK = new NetworkBinding(NET, 4281, 1450,
            List.of(new SubnetSpec("198.19.251.0/24", "198.19.251.1", 4)), List.of());
    private static final PortSpec PORT = new PortSpec("port-1", NET, "fa:16:3e:00:02:01",
            List.of(new FixedIp("subnet-1", "198.19.251.10")));

    private final WorkloadLocks locks = new WorkloadLocks();
    private final List<String> calls = new ArrayList<>();
    private final Recording containers = new Recording("container");
    private final Recording servers = new Recording("server");
    private final InterfaceManager manager = new InterfaceManager(Map.of(InterfaceChange.CONTAINER, containers,
            InterfaceChange.SERVER, servers), locks);

    /** A kind's driver that records what it was asked, whether the workload's lock was held, and fails as told. */
    private final class Recording implements InterfaceDriver {
        private final String kind;
        private RuntimeException failure;

        Recording(String kind) {
            this.kind = kind;
        }

        @Override
        public void attachPort(String uuid, PortSpec port, NetworkBinding network) {
            record("attach " + port.portId() + " to", uuid);
        }

        @Override
        public void detachPort(String uuid, String networkId) {
            record("detach " + networkId + " from", uuid);
        }

        private void record(String what, String uuid) {
            // another thread cannot take the workload's lock while the change runs
            boolean free = CompletableFuture.supplyAsync(() -> locks.tryWithLock(uuid, () -> { })).join();
            calls.add(kind + ": " + what + " " + uuid + (free ? " (unlocked)" : ""));
            if (failure != null) {
                throw failure;
            }
        }
    }

    @Test
    void eachKindGoesToItsDriverUnderTheWorkloadsLock() {
        manager.attach(new AttachPort(InterfaceChange.CONTAINER, "c1", PORT, NETWORK));
        manager.attach(new AttachPort(InterfaceChange.SERVER, "s1", PORT, NETWORK));
        manager.detach(new DetachPort(InterfaceChange.SERVER, "s1", "port-1", NET));
        manager.detach(new DetachPort(InterfaceChange.CONTAINER, "c1", "port-1", NET));

        assertEquals(List.of("container: attach port-1 to c1", "server: attach port-1 to s1",
                "server: detach " + NET + " from s1", "container: detach " + NET + " from c1"), calls);
    }

    @Test
    void aKindWithoutInterfacesIsAnInvalidRequest() {
        RpcHandlerException e = assertThrows(RpcHandlerException.class,
                () -> manager.attach(new AttachPort("capsule", "k1", PORT, NETWORK)));
        assertEquals("InvalidRequest", e.type());
        assertEquals("InvalidRequest", assertThrows(RpcHandlerException.class,
                () -> manager.detach(new DetachPort("capsule", "k1", "port-1", NET))).type());
        assertEquals(List.of(), calls);
    }

    @Test
    void aWorkloadTheEngineDoesNotHaveIsNamedInTheAnswer() {
        containers.failure = new WorkloadNotFoundException("Container", "c2");
        RpcHandlerException e = assertThrows(RpcHandlerException.class,
                () -> manager.attach(new AttachPort(InterfaceChange.CONTAINER, "c2", PORT, NETWORK)));
        assertEquals("WorkloadNotFound", e.type());
        assertEquals("Container c2 does not exist in the engine", e.getMessage());
    }

    @Test
    void anEngineRefusalIsAnEngineErrorWithTheEnginesWords() {
        servers.failure = new DriverException("Docker connect failed: no more addresses");
        RpcHandlerException e = assertThrows(RpcHandlerException.class,
                () -> manager.attach(new AttachPort(InterfaceChange.SERVER, "s3", PORT, NETWORK)));
        assertEquals("EngineError", e.type());
        assertEquals("Docker connect failed: no more addresses", e.getMessage());
        assertEquals("EngineError", assertThrows(RpcHandlerException.class,
                () -> manager.detach(new DetachPort(InterfaceChange.SERVER, "s3", "port-1", NET))).type());
    }

    @Test
    void anEngineThatDoesNotAnswerIsThrownOnForTheMessageToComeAgain() {
        EngineUnreachableException away = new EngineUnreachableException("the engine does not answer",
                new IOException("connection refused"));
        containers.failure = away;
        RuntimeException thrown = assertThrows(RuntimeException.class,
                () -> manager.detach(new DetachPort(InterfaceChange.CONTAINER, "c4", "port-1", NET)));
        assertSame(away, thrown);
        assertTrue(TransientFailure.of(thrown).isPresent());
    }

    @Test
    void simulatedHostsAttachToWhatTheyHaveAndDetachFromAnything() {
        FakeContainerDriver fakeContainers = new FakeContainerDriver(new HostInventory(4, 4096, 100),
                Set.of("busybox:latest"));
        FakeServerDriver fakeServers = new FakeServerDriver(fakeContainers::hasImage);
        InterfaceManager simulated = new InterfaceManager(Map.of(InterfaceChange.CONTAINER, fakeContainers,
                InterfaceChange.SERVER, fakeServers), locks);
        fakeContainers.create(ContainerSpecs.container("c5").name("c5").image("busybox").build(),
                WorkloadNetworks.NONE);
        fakeServers.spawn(new ServerSpec("s5", "vm", "vm", "busybox", 1, 64, 1, Map.of(), "p1", "u1", "nova", 0,
                "r-1", null, List.of(), "auto"), null);

        simulated.attach(new AttachPort(InterfaceChange.CONTAINER, "c5", PORT, NETWORK));
        simulated.attach(new AttachPort(InterfaceChange.SERVER, "s5", PORT, NETWORK));
        for (String kind : List.of(InterfaceChange.CONTAINER, InterfaceChange.SERVER)) {
            assertEquals("WorkloadNotFound", assertThrows(RpcHandlerException.class,
                    () -> simulated.attach(new AttachPort(kind, "gone", PORT, NETWORK))).type(), kind);
            simulated.detach(new DetachPort(kind, "gone", "port-1", NET));
        }
        simulated.detach(new DetachPort(InterfaceChange.CONTAINER, "c5", "port-1", NET));
        simulated.detach(new DetachPort(InterfaceChange.SERVER, "s5", "port-1", NET));
    }
}
