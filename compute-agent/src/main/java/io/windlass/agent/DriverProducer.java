package io.windlass.agent;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.windlass.agent.console.ContainerConsoles;
import io.windlass.console.cdi.ConsoleConfig;
import io.windlass.console.cdi.ConsoleTimer;
import io.windlass.rpc.RpcConnection;
import jakarta.inject.Singleton;
import io.windlass.agent.capsule.CapsuleConfig;
import io.windlass.agent.capsule.CapsuleDriver;
import io.windlass.agent.container.ContainerDriver;
import io.windlass.agent.driver.EngineMeters;
import io.windlass.agent.driver.HostInventory;
import io.windlass.agent.driver.docker.DockerCapsuleDriver;
import io.windlass.agent.driver.docker.DockerContainerDriver;
import io.windlass.agent.driver.docker.DockerServerDriver;
import io.windlass.agent.driver.fake.FakeCapsuleDriver;
import io.windlass.agent.driver.fake.FakeContainerDriver;
import io.windlass.agent.driver.fake.FakeNetworks;
import io.windlass.agent.driver.fake.FakePortFilters;
import io.windlass.agent.driver.fake.FakeServerDriver;
import io.windlass.agent.network.EngineNetworks;
import io.windlass.agent.network.IptablesPortFilters;
import io.windlass.agent.network.PortFilters;
import io.windlass.agent.network.TenantNetworks;
import io.windlass.agent.network.PortWiring;
import io.windlass.agent.server.ConfigDriveBuilder;
import io.windlass.agent.server.ServerConfig;
import io.windlass.agent.server.ServerDriver;
import io.windlass.conductor.ConductorRpcApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

import java.util.Set;

/**
 * Picks the engine drivers named by {@code windlass.agent.driver} (one per workload kind, on the
 * same engine, and the tenant networks their ports are on) and wires this agent's {@link ComputeHost}.
 * The data plane ({@link NetworkProducer}) is looked up only for the Docker drivers: a fake host
 * runs no iproute2 and makes no engine client for it.
 */
@ApplicationScoped
public class DriverProducer {
    private static final Logger LOG = Logger.getLogger(DriverProducer.class);

    /** The engine's meters on the service's registry and its spans, for the drivers and the event follower. */
    @Produces
    @Singleton
    EngineMeters engineMeters(MeterRegistry registry, OpenTelemetry openTelemetry) {
        return new EngineMeters(registry, openTelemetry);
    }

    @Produces
    @ApplicationScoped
    ContainerDriver driver(AgentConfig config, Instance<PortWiring> ports, EngineMeters meters) {
        return switch (config.driver()) {
            case DOCKER -> new DockerContainerDriver(config.dockerHost(), config.imagePullTimeout(), ports.get(),
                    meters);
            case FAKE -> {
                LOG.warnf("using the FAKE drivers: workloads are simulated in memory, nothing runs");
                yield new FakeContainerDriver(fakeInventory(config), Set.copyOf(config.fakeImages()));
            }
        };
    }

    @Produces
    @ApplicationScoped
    ServerDriver serverDriver(AgentConfig config, ServerConfig servers, ContainerDriver containers,
                              Instance<PortWiring> ports, EngineMeters meters) {
        return switch (config.driver()) {
            case DOCKER -> new DockerServerDriver(config.dockerHost(), servers.configDriveMountPath(), ports.get(),
                    meters);
            // the simulated host's images are the fake container driver's (pre-caching adds to them)
            case FAKE -> new FakeServerDriver(containers::hasImage);
        };
    }

    @Produces
    @ApplicationScoped
    CapsuleDriver capsuleDriver(AgentConfig config, CapsuleConfig capsules, ContainerDriver containers,
                                Instance<PortWiring> ports, EngineMeters meters) {
        return switch (config.driver()) {
            case DOCKER -> new DockerCapsuleDriver(config.dockerHost(), capsules.sandboxImage(),
                    capsules.initTimeout(), ports.get(), meters);
            case FAKE -> new FakeCapsuleDriver(containers::hasImage);
        };
    }

    @Produces
    @ApplicationScoped
    TenantNetworks tenantNetworks(AgentConfig config, Instance<EngineNetworks> engineNetworks) {
        return switch (config.driver()) {
            case DOCKER -> engineNetworks.get();
            // the fake drivers ignore ports (simulation only)
            case FAKE -> new FakeNetworks();
        };
    }

    @Produces
    @ApplicationScoped
    PortFilters portFilters(AgentConfig config, Instance<IptablesPortFilters> iptables) {
        return switch (config.driver()) {
            case DOCKER -> iptables.get();
            // simulated hosts have no ports to filter
            case FAKE -> new FakePortFilters();
        };
    }

    /** This agent as one compute host (a simulating agent builds its many hosts itself). */
    @Produces
    @ApplicationScoped
    ComputeHost computeHost(AgentConfig config, ServerConfig servers, ContainerDriver containers,
                            ServerDriver serverDriver, CapsuleDriver capsules, TenantNetworks networks,
                            PortFilters portFilters, ConductorRpcApi conductor, ConfigDriveBuilder configDrives,
                            EngineMeters meters) {
        return new ComputeHost(config.hostName(),
                new ComputeHost.Drivers(containers, serverDriver, capsules, networks, portFilters),
                conductor, configDrives, settings(config, servers, config.imageCachePull()), meters);
    }

    /** This agent's console sessions (compute 1.17), on the host's own queue names. */
    @Produces
    @Singleton
    ContainerConsoles consoles(AgentConfig config, ContainerDriver containers, RpcConnection connection,
                               ConsoleConfig console, ConsoleTimer timer) {
        return new ContainerConsoles(config.hostName(), containers, connection, timer.executor(),
                console.livenessInterval(), console.queueExpiry());
    }

    /** The settings every host of this agent shares. */
    public static ComputeHost.Settings settings(AgentConfig config, ServerConfig servers, boolean imageCachePull) {
        return new ComputeHost.Settings(config.stopTimeout(), servers.stopTimeout(), imageCachePull, config.vcpus(),
                config.memoryMb(), config.diskGb(), config.eventReconnectDelay(), config.underlayAddress(),
                config.executeTimeout());
    }

    /** What one simulated host offers: the agent's overrides, else the fake defaults. */
    public static HostInventory fakeInventory(AgentConfig config) {
        return new HostInventory(config.vcpus().orElse(config.fake().vcpus()),
                config.memoryMb().orElse(config.fake().memoryMb()), config.diskGb().orElse(config.fake().diskGb()));
    }

    void close(@Disposes ContainerDriver driver) {
        driver.close();
    }

    void close(@Disposes ServerDriver driver) {
        driver.close();
    }

    void close(@Disposes CapsuleDriver driver) {
        driver.close();
    }
}
