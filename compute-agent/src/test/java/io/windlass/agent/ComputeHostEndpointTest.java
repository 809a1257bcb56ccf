package io.windlass.agent;

import io.windlass.agent.driver.EngineMeters;
import io.windlass.agent.driver.HostInventory;
import io.windlass.agent.driver.fake.FakeCapsuleDriver;
import io.windlass.agent.driver.fake.FakeContainerDriver;
import io.windlass.agent.driver.fake.FakeNetworks;
import io.windlass.agent.driver.fake.FakePortFilters;
import io.windlass.agent.driver.fake.FakeServerDriver;
import io.windlass.agent.server.ConfigDriveBuilder;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.network.UpdatePortFilters;
import io.windlass.rpc.RpcEndpoint;
import io.windlass.rpc.RpcHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComputeHostEndpointTest {

    @Test
    void aHostServesUpdatePortFiltersAndAFakeOneIgnoresIt(@TempDir Path drives) throws Exception {
        FakeContainerDriver containers = new FakeContainerDriver(new HostInventory(4, 4096, 40), Set.of());
        ComputeHost host = new ComputeHost("h1", new ComputeHost.Drivers(containers,
                new FakeServerDriver(containers::hasImage), new FakeCapsuleDriver(containers::hasImage),
                new FakeNetworks(), new FakePortFilters()),
                new ConductorRpcApi(null, Duration.ofSeconds(1)), new ConfigDriveBuilder(drives),
                new ComputeHost.Settings(Duration.ofSeconds(1), Duration.ofSeconds(1), false, OptionalDouble.empty(),
                        OptionalLong.empty(), OptionalLong.empty(), Duration.ofSeconds(1), Optional.empty(),
                        Duration.ofSeconds(5)), EngineMeters.silent());
        RpcEndpoint endpoint = host.endpoint();
        var registration = endpoint.registration(ComputeRpcApi.UPDATE_PORT_FILTERS.name(), ComputeRpcApi.VERSION);
        assertTrue(registration.isPresent(), "update_port_filters is served on compute.h1");
        assertEquals(UpdatePortFilters.class, registration.get().argType());
        @SuppressWarnings("unchecked")
        var handler = (RpcHandler<UpdatePortFilters>) registration.get().handler();
        // a simulated host has nothing to filter: accepted, nothing done, nothing thrown
        handler.handle(null, new UpdatePortFilters(List.of()));
    }
}
