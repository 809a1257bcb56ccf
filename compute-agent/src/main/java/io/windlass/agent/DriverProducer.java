package io.windlass.agent;

import io.windlass.agent.driver.ContainerDriver;
import io.windlass.agent.driver.HostInventory;
import io.windlass.agent.driver.docker.DockerContainerDriver;
import io.windlass.agent.driver.fake.FakeContainerDriver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

import java.util.Set;

/** Picks the engine driver named by {@code windlass.agent.driver}. */
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

    /** What one simulated host offers: the agent's overrides, else the fake defaults. */
    public static HostInventory fakeInventory(AgentConfig config) {
        return new HostInventory(config.vcpus().orElse(config.fake().vcpus()),
                config.memoryMb().orElse(config.fake().memoryMb()), config.diskGb().orElse(config.fake().diskGb()));
    }

    void close(@Disposes ContainerDriver driver) {
        driver.close();
    }
}
