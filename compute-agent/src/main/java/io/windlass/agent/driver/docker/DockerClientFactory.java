package io.windlass.agent.driver.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;

import java.time.Duration;

/** Builds docker-java clients for one engine endpoint. */
public final class DockerClientFactory {

    private DockerClientFactory() {
    }

    /**
     * @param dockerHost      e.g. {@code unix:///var/run/docker.sock}
     * @param responseTimeout longest single engine call; must cover a stop with its grace period
     */
    public static DockerClient create(String dockerHost, Duration responseTimeout) {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(dockerHost).build();
        var http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(50)
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(responseTimeout)
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    /** The transport under a client made here, for the engine requests docker-java has no command for. */
    static DockerHttpClient transportOf(DockerClient docker) {
        return ((DockerClientImpl) docker).getHttpClient();
    }
}
