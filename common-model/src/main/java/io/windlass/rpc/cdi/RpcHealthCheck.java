package io.windlass.rpc.cdi;

import io.windlass.rpc.RpcConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the RabbitMQ connection is open (it recovers by itself). */
@Readiness
@ApplicationScoped
public class RpcHealthCheck implements HealthCheck {
    private final RpcConnection connection;

    public RpcHealthCheck(RpcConnection connection) {
        this.connection = connection;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("rabbitmq").status(connection.isOpen()).build();
    }
}
