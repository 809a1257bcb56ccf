package io.windlass.rpc.cdi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.ShutdownEvent;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.rpc.RpcClient;
import io.windlass.rpc.QueueDepths;
import io.windlass.rpc.RpcConnection;
import io.windlass.rpc.RpcMetrics;
import io.windlass.rpc.RpcServer;
import io.windlass.rpc.RunningHandlers;
import io.windlass.rpc.RpcTracing;
import io.windlass.scheduler.SchedulerRpcApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One RabbitMQ connection per process and the typed RPC APIs on top of it, for injection.
 * Services inject {@link ConductorRpcApi}, {@link SchedulerRpcApi}, {@link ComputeRpcApi}
 * to send, and {@link RpcServer} to serve their own topic.
 */
// @Singleton rather than @ApplicationScoped: these types have no no-args constructor,
// so they cannot be proxied, and nothing needs lazy creation.
@ApplicationScoped
public class RpcProducers {

    @Produces
    @Singleton
    RpcConnection connection(RpcConfig config,
                             @ConfigProperty(name = "quarkus.application.name", defaultValue = "windlass")
                             String applicationName) {
        return new RpcConnection(config.settings(), applicationName);
    }

    void closeConnection(@Disposes RpcConnection connection) {
        connection.close();
    }

    @Produces
    @Singleton
    QueueDepths queueDepths(RpcConnection connection, RpcConfig config) {
        return new QueueDepths(connection, config.queueDepthInterval());
    }

    void closeQueueDepths(@Disposes QueueDepths depths) {
        depths.close();
    }

    @Produces
    @Singleton
    RpcMetrics metrics(MeterRegistry registry, QueueDepths depths) {
        return new MicrometerRpcMetrics(registry, depths);
    }

    /**
     * Spans of the RPC layer, while the service's OpenTelemetry SDK is on (an OTLP endpoint is configured,
     * docs/metrics.md "Tracing"). With the SDK off Quarkus still hands out a tracer whose spans get ids,
     * but its own instrumentation records none; the RPC layer records none either, and its envelopes
     * carry no trace context.
     */
    @Produces
    @Singleton
    RpcTracing tracing(OpenTelemetry openTelemetry,
                       @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false") boolean sdkOff) {
        return sdkOff ? RpcTracing.off() : new RpcTracing(openTelemetry);
    }

    @Produces
    @Singleton
    RpcClient client(RpcConnection connection, ObjectMapper json, RpcConfig config, RpcMetrics metrics,
                     RpcTracing tracing) {
        return new RpcClient(connection, json, config.versionCaps(), metrics, tracing);
    }

    void closeClient(@Disposes RpcClient client) {
        client.close();
    }

    /** The RPC handlers running in this process: recorded by its server, read by the liveness check. */
    @Produces
    @Singleton
    RunningHandlers runningHandlers() {
        return new RunningHandlers();
    }

    @Produces
    @Singleton
    RpcServer server(RpcConnection connection, ObjectMapper json, RpcConfig config, RpcMetrics metrics,
                     RpcTracing tracing, RunningHandlers running) {
        return new RpcServer(connection, json, config.servedVersions(), metrics, tracing, running);
    }

    void closeServer(@Disposes RpcServer server) {
        server.close();
    }

    @Produces
    @Singleton
    ConductorRpcApi conductorApi(RpcClient client, RpcConfig config) {
        return new ConductorRpcApi(client, config.callTimeout());
    }

    @Produces
    @Singleton
    SchedulerRpcApi schedulerApi(RpcClient client, RpcConfig config) {
        return new SchedulerRpcApi(client, config.callTimeout());
    }

    @Produces
    @Singleton
    ComputeRpcApi computeApi(RpcClient client, RpcConfig config) {
        return new ComputeRpcApi(client, config.callTimeout());
    }

    /** Stop consuming before the connection goes, so no handler starts during shutdown. */
    void onShutdown(@Observes ShutdownEvent event, RpcServer server) {
        server.close();
    }
}
