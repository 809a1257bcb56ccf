package io.windlass.rpc.cdi;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import io.windlass.rpc.RpcVersion;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** {@code windlass.rpc.*}: how every service reaches RabbitMQ. */
@ConfigMapping(prefix = "windlass.rpc")
public interface RpcConfig {

    /** Broker host. */
    @WithDefault("127.0.0.1")
    String host();

    /** Broker AMQP port. */
    @WithDefault("5672")
    int port();

    /** Broker user. */
    @WithDefault("guest")
    String username();

    /** Broker password. */
    @WithDefault("guest")
    String password();

    /** Broker virtual host. */
    @WithDefault("/")
    String virtualHost();

    /**
     * Prefix of the exchange and queue names. Deployments (or test runs) sharing a broker
     * must use different namespaces.
     */
    @WithDefault("windlass")
    String namespace();

    /** Declare queues as quorum queues (replicated when the broker is a cluster). */
    @WithDefault("true")
    boolean quorumQueues();

    /** How long a cast waits for the broker's publisher confirm before failing. */
    @WithDefault("10s")
    Duration confirmTimeout();

    /** How long a call waits for its reply. */
    @WithDefault("30s")
    Duration callTimeout();

    /**
     * Whether this process declares the exchange and the queues it sends to. An agent whose broker
     * user may touch only its own queue (docs/reliability.md, "Broker users") sets false: it then
     * checks the exchange without declaring it, sends to queues the control plane declared, and
     * declares only the queue it consumes.
     */
    @WithDefault("true")
    boolean declareTopology();

    /**
     * Whether readiness follows the broker connection ({@link RpcHealthCheck}); read when the
     * service is built. The api-service turns it off: its outbox takes casts while the broker is away.
     */
    @WithDefault("true")
    boolean readinessCheck();

    /**
     * How often the depth of each queue this process consumes is read (a passive declare per queue)
     * for {@code windlass.rpc.queue.depth}; a scrape reads the last sample and never waits for the broker.
     */
    @WithDefault("15s")
    Duration queueDepthInterval();

    /**
     * A handler running longer than this makes the process not live ({@link RpcLivenessCheck}): it is
     * wedged, and a restart delivers its message again. Far above any handler's own timeouts (calls
     * {@link #callTimeout()}, image pulls {@code windlass.agent.image-pull-timeout}).
     */
    @WithDefault("30m")
    Duration handlerStuckAfter();

    /**
     * Threads that run RPC handlers in this process, shared by its consumers. A topic served by more
     * consumers ({@code windlass.agent.consumers}, {@code windlass.conductor.rpc-consumers}) gets as
     * many threads: this is a floor, not a cap ({@code RpcConnection.makeRoomForConsumers}).
     */
    @WithDefault("8")
    int consumerThreads();

    /**
     * Per API ({@code compute}, {@code conductor}, {@code scheduler}): the newest RPC version to
     * send while services of that API still run an older release, e.g.
     * {@code windlass.rpc.version-cap.compute=1.2} during an upgrade from 1.2 agents. A method
     * introduced later is then not sent: the work it carried fails with the reason. Unset: every
     * method at its newest. See docs/CONTRACTS.md, "Rolling upgrades".
     */
    Map<String, String> versionCap();

    /**
     * Per API: serve it as an older release would, with only the methods that release had. For
     * upgrade tests (a real older service is simply older code); unset in production.
     */
    Map<String, String> servedVersion();

    /** {@link #versionCap()} parsed. */
    default Map<String, RpcVersion> versionCaps() {
        return parsed(versionCap());
    }

    /** {@link #servedVersion()} parsed. */
    default Map<String, RpcVersion> servedVersions() {
        return parsed(servedVersion());
    }

    private static Map<String, RpcVersion> parsed(Map<String, String> byApi) {
        Map<String, RpcVersion> versions = new HashMap<>();
        byApi.forEach((api, version) -> versions.put(api, RpcVersion.parse(version)));
        return versions;
    }

    /** Settings record handed to the RPC layer. */
    default io.windlass.rpc.RpcSettings settings() {
        return new io.windlass.rpc.RpcSettings(host(), port(), username(), password(), virtualHost(), namespace(),
                quorumQueues(), confirmTimeout(), consumerThreads(), declareTopology());
    }
}
