package io.windlass.agent.workload;

import io.windlass.agent.driver.DriverException;
import io.windlass.agent.driver.HostInventory;
import io.windlass.agent.driver.fake.FakeContainerDriver;
import io.windlass.agent.driver.fake.FakeServerDriver;
import io.windlass.agent.testing.ContainerSpecs;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.network.WorkloadNetworks;
import io.windlass.rpc.RpcEndpoint;
import io.windlass.rpc.RpcHandlerException;
import io.windlass.workload.WorkloadLog;
import io.windlass.workload.WorkloadLogs;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkloadLogReaderTest {
    private final FakeContainerDriver containers = new FakeContainerDriver(new HostInventory(4, 4096, 40),
            Set.of("busybox:latest"));
    private final WorkloadLogReader reader = new WorkloadLogReader(Map.of(WorkloadLogs.CONTAINER, containers,
            WorkloadLogs.SERVER, new FakeServerDriver(image -> true)));

    private static WorkloadLogs containerLogs(String uuid) {
        return new WorkloadLogs(WorkloadLogs.CONTAINER, uuid, true, true, false, null, null);
    }

    @Test
    void aFakeContainerHasAnEmptyLog() {
        String uuid = UUID.randomUUID().toString();
        containers.create(ContainerSpecs.container(uuid).build(), WorkloadNetworks.NONE);
        assertEquals(new WorkloadLog("", false), reader.read(containerLogs(uuid)));
    }

    @Test
    void aWorkloadTheEngineDoesNotHaveIsNamedNotFound() {
        String uuid = UUID.randomUUID().toString();
        RpcHandlerException container = assertThrows(RpcHandlerException.class, () -> reader.read(containerLogs(uuid)));
        assertEquals("WorkloadNotFound", container.type());
        RpcHandlerException server = assertThrows(RpcHandlerException.class,
                () -> reader.read(WorkloadLogs.console(uuid, null)));
        assertEquals("WorkloadNotFound", server.type());
        assertTrue(server.getMessage().startsWith("Server " + uuid), server.getMessage());
    }

    @Test
    void anEngineRefusalIsAnEngineError() {
        WorkloadLogReader failing = new WorkloadLogReader(Map.of(WorkloadLogs.SERVER, request -> {
            throw new DriverException("Docker logs failed: configured logging driver does not support reading");
        }));
        RpcHandlerException e = assertThrows(RpcHandlerException.class,
                () -> failing.read(WorkloadLogs.console("s-1", 10)));
        assertEquals("EngineError", e.type());
        assertEquals("Docker logs failed: configured logging driver does not support reading", e.getMessage());
        // the host serves no container logs here
        assertEquals("InvalidRequest", assertThrows(RpcHandlerException.class,
                () -> failing.read(containerLogs("c-1"))).type());
    }

    @Test
    void workloadLogsIsServedAtTheComputeApisVersion() {
        RpcEndpoint endpoint = reader.register(new RpcEndpoint("compute.h1", ComputeRpcApi.VERSION));
        var registration = endpoint.registration(ComputeRpcApi.WORKLOAD_LOGS.name(), ComputeRpcApi.VERSION);
        assertTrue(registration.isPresent());
        assertEquals(WorkloadLogs.class, registration.get().argType());
    }
}
