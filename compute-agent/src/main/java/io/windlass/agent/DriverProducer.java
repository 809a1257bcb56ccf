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

    /** A simulated host is sized like a mid-range server unless configured otherwise. */
    private static final double FAKE_VCPUS = 16;
    private static final long FAKE_MEMORY_MB = 64 * 1024;
    private static final long FAKE_DISK_GB = 1000;

    @Produces
    @ApplicationScoped
    ContainerDriver driver(AgentConfig config) {
        return switch (config.driver()) {
            case DOCKER -> new DockerContainerDriver(config.dockerHost(), config.imagePullTimeout());
            case FAKE -> {
                LOG.warnf("using the FAKE container driver: containers are simulated in memory, nothing runs");
                yield new FakeContainerDriver(new HostInventory(config.vcpus().orElse(FAKE_VCPUS),
                        config.memoryMb().orElse(FAKE_MEMORY_MB), config.diskGb().orElse(FAKE_DISK_GB)),
                        Set.copyOf(config.fakeImages()));
            }
        };
    }

    void close(@Disposes ContainerDriver driver) {
        driver.close();
    }
}
