package io.windlass.agent;

import io.windlass.agent.container.ContainerDriver;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the container engine answers (docker ping). */
@Readiness
@ApplicationScoped
public class EngineHealthCheck implements HealthCheck {
    private final ContainerDriver driver;

    public EngineHealthCheck(ContainerDriver driver) {
        this.driver = driver;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("container-engine")
                .withData("driver", driver.name())
                .status(driver.ping())
                .build();
    }
}
