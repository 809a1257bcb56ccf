package io.windlass.agent.capsule;

import com.github.dockerjava.api.DockerClient;
import io.windlass.agent.AgentConfig;
import io.windlass.agent.driver.docker.DockerClientFactory;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;

/**
 * The capsule side's engine connection, shared by the manager (create, delete) and the observer
 * (events, sync). Opened on first use: agents that never see a capsule (or run the fake driver)
 * open no engine connection for capsules.
 */
@ApplicationScoped
class CapsuleEngineConnection {
    private static final Logger LOG = Logger.getLogger(CapsuleEngineConnection.class);

    private final AgentConfig agent;
    private final CapsuleConfig config;
    private DockerClient docker;
    private DockerCapsuleEngine engine;

    CapsuleEngineConnection(AgentConfig agent, CapsuleConfig config) {
        this.agent = agent;
        this.config = config;
    }

    synchronized DockerCapsuleEngine engine() {
        if (engine == null) {
            // no read timeout: waiting for an init container, or for the next event, is a long silent call
            docker = DockerClientFactory.create(agent.dockerHost(), Duration.ZERO);
            engine = new DockerCapsuleEngine(docker, config.sandboxImage());
        }
        return engine;
    }

    @PreDestroy
    synchronized void close() {
        if (docker != null) {
            try {
                docker.close();
            } catch (IOException e) {
                LOG.debugf("closing the capsule engine client: %s", e.getMessage());
            }
        }
    }
}
