package io.windlass.agent;

import io.windlass.agent.driver.ContainerDriver;
import io.windlass.agent.driver.HostInventory;
import io.windlass.agent.driver.docker.DockerContainerDriver;
import io.windlass.agent.driver.docker.DockerServerDriver;
import io.windlass.agent.driver.fake.FakeContainerDriver;
import io.windlass.agent.driver.fake.FakeServerDriver;
import io.windlass.agent.server.ServerConfig;
import io.windlass.agent.server.ServerDriver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

import java.util.Set;

/** Picks the engine drivers (containers and servers) named by {@code windlass.agent.driver}. */
@ApplicationScoped
public class DriverProducer {
    private static final Logger LOG = Logger.getLogger(DriverProducer.class);

    @Produces
    @ApplicationScoped
    ContainerDriver driver(AgentConfig config) {
        return switch (config.driver()) {
            case DOCKER -> new DockerContainerDriver(config.dockerHost(), config.imagePullTimeout());
            case FAKE -> {
                LOG.warnf("using the FAKE container driver: containers are simulated in memory, nothing runs");
                yield new FakeContainerDriver(fakeInventory(config), Set.copyOf(config.fakeImages()));
            }
        };
    }

    /** Servers run on the same engine as containers: the same driver setting picks both. */
    @Produces
    @ApplicationScoped
    ServerDriver serverDriver(AgentConfig config, ServerConfig servers, ContainerDriver containers) {
        return switch (config.driver()) {
            case DOCKER -> new DockerServerDriver(config.dockerHost(), servers.configDriveMountPath());
            // the simulated host's images are the fake container driver's (pre-caching adds to them)
            case FAKE -> new FakeServerDriver(containers::hasImage);
        };
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
}
