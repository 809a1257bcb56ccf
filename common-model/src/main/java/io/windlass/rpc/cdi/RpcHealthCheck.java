package io.windlass.rpc.cdi;

import io.quarkus.arc.properties.UnlessBuildProperty;
import io.windlass.rpc.RpcConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the RabbitMQ connection is open (it recovers by itself): a service that consumes
 * can do nothing without it. The api-service opts out ({@code windlass.rpc.readiness-check=false},
 * fixed at build time): it records its casts in the outbox and takes requests while the broker is
 * away, and a balancer that followed the broker would take every api replica out of service during
 * a broker restart.
 */
@Readiness
@ApplicationScoped
@UnlessBuildProperty(name = "windlass.rpc.readiness-check", stringValue = "false", enableIfMissing = true)
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
