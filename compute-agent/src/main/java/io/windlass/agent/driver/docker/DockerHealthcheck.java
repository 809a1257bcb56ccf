package io.windlass.agent.driver.docker;

import com.github.dockerjava.api.model.HealthCheck;
import io.windlass.container.ContainerHealthcheck;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Zun's health check as the engine takes it (Zun's docker driver: the command as a shell string, which
 * docker-py sends as {@code CMD-SHELL}; seconds as nanoseconds). A time or count left out stays the
 * engine's default (0 in the engine's config means "default").
 */
final class DockerHealthcheck {
    private DockerHealthcheck() {
    }

    static HealthCheck of(ContainerHealthcheck check) {
        HealthCheck engine = new HealthCheck().withTest(List.of("CMD-SHELL", check.test()));
        if (check.interval() != null) {
            engine.withInterval(TimeUnit.SECONDS.toNanos(check.interval()));
        }
        if (check.timeout() != null) {
            engine.withTimeout(TimeUnit.SECONDS.toNanos(check.timeout()));
        }
        if (check.startPeriod() != null) {
            engine.withStartPeriod(TimeUnit.SECONDS.toNanos(check.startPeriod()));
        }
        if (check.retries() != null) {
            engine.withRetries(check.retries());
        }
        return engine;
    }
}
