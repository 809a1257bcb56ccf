package io.windlass.agent.container;

import io.windlass.agent.driver.DriverException;
import io.windlass.agent.driver.HostInventory;
import io.windlass.agent.driver.WorkloadNotFoundException;
import io.windlass.agent.driver.fake.FakeContainerDriver;
import io.windlass.agent.testing.ContainerSpecs;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.container.ContainerExec;
import io.windlass.container.ContainerExecResult;
import io.windlass.container.GetContainerArchive;
import io.windlass.container.ListContainerProcesses;
import io.windlass.container.PutContainerArchive;
import io.windlass.container.ResizeContainerExec;
import io.windlass.network.WorkloadNetworks;
import io.windlass.rpc.RpcEndpoint;
import io.windlass.rpc.RpcHandler;
import io.windlass.rpc.RpcHandlerException;
import io.windlass.rpc.RpcMethod;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContainerAccessTest {
    private final FakeContainerDriver containers = new FakeContainerDriver(new HostInventory(4, 4096, 40),
            Set.of("busybox:latest"));
    private final RpcEndpoint endpoint = new ContainerAccess(containers, Duration.ofSeconds(5))
            .register(new RpcEndpoint("compute.h1", ComputeRpcApi.VERSION));

    @SuppressWarnings("unchecked")
    private <A> Object call(RpcMethod<A> method, A request) throws Exception {
        var registration = endpoint.registration(method.name(), ComputeRpcApi.VERSION).orElseThrow();
        assertEquals(method.argType(), registration.argType());
        return ((RpcHandler<A>) registration.handler()).handle(null, request);
    }

    private String placed() {
        String uuid = UUID.randomUUID().toString();
        containers.create(ContainerSpecs.container(uuid).build(), WorkloadNetworks.NONE);
        return uuid;
    }

    @Test
    void everyMethodIsServedAtRpc111() {
        for (RpcMethod<?> m : List.of(ComputeRpcApi.CONTAINER_EXEC, ComputeRpcApi.CONTAINER_EXEC_RESIZE,
                ComputeRpcApi.CONTAINER_TOP, ComputeRpcApi.CONTAINER_GET_ARCHIVE, ComputeRpcApi.CONTAINER_PUT_ARCHIVE)) {
            assertEquals("1.11", m.introduced().toString(), m.name());
            assertTrue(endpoint.registration(m.name(), ComputeRpcApi.VERSION).isPresent(), m.name());
            // an agent of 1.10 does not have it
            assertTrue(endpoint.registration(m.name(), ComputeRpcApi.WORKLOAD_LOGS.introduced()).isEmpty(), m.name());
        }
    }

    @Test
    void aFakeCommandPrintsNothingAndSucceeds() throws Exception {
        String uuid = placed();
        ContainerExecResult ran = (ContainerExecResult) call(ComputeRpcApi.CONTAINER_EXEC,
                new ContainerExec(uuid, List.of("true"), true));
        assertEquals(ContainerExecResult.ran("", 0, false), ran);
        ContainerExecResult created = (ContainerExecResult) call(ComputeRpcApi.CONTAINER_EXEC,
                new ContainerExec(uuid, List.of("sh"), false));
        assertNull(created.output());
        assertNull(created.exitCode());
        assertEquals(64, created.execId().length());
        // its own exec instance resizes; another container's is no exec instance of this one
        assertNull(call(ComputeRpcApi.CONTAINER_EXEC_RESIZE, new ResizeContainerExec(uuid, created.execId(), 24, 80)));
        RpcHandlerException other = assertThrows(RpcHandlerException.class, () -> call(
                ComputeRpcApi.CONTAINER_EXEC_RESIZE, new ResizeContainerExec(placed(), created.execId(), 24, 80)));
        assertEquals("Invalid", other.type());
    }

    @Test
    void failuresAreNamedAsTheApiServiceAnswersThem() throws Exception {
        String gone = UUID.randomUUID().toString();
        RpcHandlerException missing = assertThrows(RpcHandlerException.class,
                () -> call(ComputeRpcApi.CONTAINER_TOP, new ListContainerProcesses(gone, null)));
        assertEquals("ContainerNotFound", missing.type());
        assertEquals("Container " + gone + " does not exist in the engine", missing.getMessage());
        String uuid = placed();
        RpcHandlerException path = assertThrows(RpcHandlerException.class,
                () -> call(ComputeRpcApi.CONTAINER_GET_ARCHIVE, new GetContainerArchive(uuid, "/etc", 1024)));
        assertEquals("Invalid", path.type());
        assertNull(call(ComputeRpcApi.CONTAINER_PUT_ARCHIVE, new PutContainerArchive(uuid, "/tmp", new byte[10])));
        assertNotNull(call(ComputeRpcApi.CONTAINER_TOP, new ListContainerProcesses(uuid, "aux")));

        assertEquals("ExecTimeout", named(new ExecTimeoutException("Timeout on executing command: sleep 9")));
        assertEquals("ArchiveTooLarge", named(new ArchiveTooLargeException("too large")));
        assertEquals("Invalid", named(new NotInContainerException("Could not find the file /x in container c")));
        assertEquals("ContainerNotFound", named(new WorkloadNotFoundException("Container", "c")));
        assertEquals("EngineError", named(new DriverException("Docker top failed: Couldn't find PID field")));
    }

    private static String named(DriverException failure) {
        return assertThrows(RpcHandlerException.class, () -> ContainerAccess.answer("op", "c", () -> {
            throw failure;
        })).type();
    }
}
