package io.windlass.agent.driver.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Statistics;
import io.windlass.agent.driver.DriverException;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One sample of the engine's stats of a container, as {@code docker stats --no-stream} takes it: the
 * engine reads twice about a second apart, so the CPU figures have a {@code precpu_stats} to compare with.
 */
final class DockerStatsSample {
    private static final long TIMEOUT_SECONDS = 10;

    private final DockerClient docker;
    private final DockerCalls calls;

    DockerStatsSample(DockerClient docker, DockerCalls calls) {
        this.docker = docker;
        this.calls = calls;
    }

    /**
     * @param engineName the container as the engine names it
     * @param uuid       the workload, for "not found"
     */
    Statistics of(String engineName, String uuid) {
        return calls.call("stats", uuid, () -> {
            AtomicReference<Statistics> sample = new AtomicReference<>();
            var callback = docker.statsCmd(engineName).withNoStream(true)
                    .exec(new QuietCallback<Statistics>() {
                        @Override
                        public void onNext(Statistics statistics) {
                            sample.set(statistics);
                        }
                    });
            try {
                if (!callback.awaitCompletion(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    callback.close();
                    throw new DriverException("The engine gave no stats within " + TIMEOUT_SECONDS + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DriverException("Interrupted while reading stats", e);
            } catch (IOException e) {
                throw new DriverException("Reading stats failed: " + e.getMessage(), e);
            }
            if (callback.failure() instanceof RuntimeException e) {
                throw e;
            }
            if (callback.failure() != null) {
                throw new DriverException("Reading stats failed: " + callback.failure().getMessage(),
                        callback.failure());
            }
            if (sample.get() == null) {
                throw new DriverException("The engine returned no stats sample");
            }
            return sample.get();
        });
    }
}
