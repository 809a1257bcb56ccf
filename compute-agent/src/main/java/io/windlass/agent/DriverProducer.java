package io.windlass.agent;

import io.windlass.agent.capsule.CapsuleConfig;
import io.windlass.agent.capsule.CapsuleDriver;
import io.windlass.agent.container.ContainerDriver;
import io.windlass.agent.driver.HostInventory;
import io.windlass.agent.driver.docker.DockerCapsuleDriver;
import io.windlass.agent.driver.docker.DockerContainerDriver;
import io.windlass.agent.driver.docker.DockerServerDriver;
import io.windlass.agent.driver.fake.FakeCapsuleDriver;
import io.windlass.agent.driver.fake.FakeContainerDriver;
import io.windlass.agent.driver.fake.FakeServerDriver;
import io.windlass.agent.server.ConfigDriveBuilder;
import io.windlass.agent.server.ServerConfig;
import io.windlass.agent.server.ServerDriver;
import io.windlass.conductor.ConductorRpcApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

import java.util.Set;

/**
 * Picks the engine drivers named by {@code windlass.agent.driver} (one per workload kind, on the
 * same engine) and wires this agent's {@link ComputeHost}.
 */
@ApplicationScoped
public class DriverProducer {
    private static final Logger LOG = Logger.getLogger(DriverProducer.class);

    @Produces
    @ApplicationScoped
    ContainerDriver driver(AgentConfig config) {
        return switch (config.driver()) {
            case DOCKER -> new DockerContainerDriver(config.dockerHost(), config.imagePullTimeout());
            case FAKE -> {
                LOG.warnf("using the FAKE drivers: workloads are simulated in memory, nothing runs");
                yield new FakeContainerDriver(fakeInventory(config), Set.copyOf(config.fakeImages()));
            }
        };
    }

    @Produces
    @ApplicationScoped
    ServerDriver serverDriver(AgentConfig config, ServerConfig servers, ContainerDriver containers) {
        return switch (config.driver()) {
            case DOCKER -> new DockerServerDriver(config.dockerHost(), servers.configDriveMountPath());
            // the simulated host's images are the fake container driver's (pre-caching adds to them)
            case FAKE -> new FakeServerDriver(containers::hasImage);
        };
    }

    @Produces
    @ApplicationScoped
    CapsuleDriver capsuleDriver(AgentConfig config, CapsuleConfig capsules, ContainerDriver containers) {
        return switch (config.driver()) {
            case DOCKER -> new DockerCapsuleDriver(config.dockerHost(), capsules.sandboxImage(),
                    capsules.initTimeout());
            case FAKE -> new FakeCapsuleDriver(containers::hasImage);
        };
    }

    /** This agent as one compute host (a simulating agent builds its many hosts itself). */
    @Produces
    @ApplicationScoped
    ComputeHost computeHost(AgentConfig config, ServerConfig servers, ContainerDriver containers,
                            ServerDriver serverDriver, CapsuleDriver capsules, ConductorRpcApi conductor,
                            ConfigDriveBuilder configDrives) {
        return new ComputeHost(config.hostName(), new ComputeHost.Drivers(containers, serverDriver, capsules),
                conductor, configDrives, settings(config, servers, config.imageCachePull()));
    }

    /** The settings every host of this agent shares. */
    public static ComputeHost.Settings settings(AgentConfig config, ServerConfig servers, boolean imageCachePull) {
        return new ComputeHost.Settings(config.stopTimeout(), servers.stopTimeout(), imageCachePull, config.vcpus(),
                config.memoryMb(), config.diskGb(), config.eventReconnectDelay());
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
