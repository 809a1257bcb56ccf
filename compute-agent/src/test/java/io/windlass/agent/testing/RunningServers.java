package io.windlass.agent.testing;

import com.github.dockerjava.api.DockerClient;
import io.windlass.agent.driver.docker.DockerServerDriver;

import java.time.Instant;
import java.util.List;

/** Waits, on the real engine, for a server the agent was asked to spawn (a cast) to run. */
public final class RunningServers {
    private RunningServers() {
    }

    /** @throws AssertionError when the server's engine container does not run within 30 s */
    public static void await(DockerClient docker, String uuid, String image) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            var found = docker.listContainersCmd().withShowAll(true)
                    .withNameFilter(List.of(DockerServerDriver.engineName(uuid))).exec();
            if (!found.isEmpty() && "running".equals(found.getFirst().getState())) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("server " + uuid + " of " + image + " not running within 30 s");
    }
}
