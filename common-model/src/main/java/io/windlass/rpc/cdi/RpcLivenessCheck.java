package io.windlass.rpc.cdi;

import io.windlass.rpc.RunningHandlers;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import java.util.Optional;

/**
 * Live unless an RPC handler has run longer than {@code windlass.rpc.handler-stuck-after}: only a
 * wedged process (a handler blocked for good, its consumer thread lost) fails it, never a broker or
 * database that is away, which readiness reports and which a restart would not mend. A process that
 * serves no topic (the api-service) records no handler and is always live here.
 */
@Liveness
@ApplicationScoped
public class RpcLivenessCheck implements HealthCheck {
    private final RunningHandlers running;
    private final RpcConfig config;

    public RpcLivenessCheck(RunningHandlers running, RpcConfig config) {
        this.running = running;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        long now = System.nanoTime();
        Optional<RunningHandlers.Running> stuck = running.stuck(config.handlerStuckAfter(), now);
        var response = HealthCheckResponse.named("rpc-handlers").status(stuck.isEmpty());
        stuck.ifPresent(r -> response.withData("stuck", r.topic() + "." + r.method())
                .withData("running_seconds", r.runningFor(now).toSeconds()));
        return response.build();
    }
}
