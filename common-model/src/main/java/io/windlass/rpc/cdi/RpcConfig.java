package io.windlass.rpc.cdi;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

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

    /** Threads that run RPC handlers in this process. */
    @WithDefault("8")
    int consumerThreads();

    /** Settings record handed to the RPC layer. */
    default io.windlass.rpc.RpcSettings settings() {
        return new io.windlass.rpc.RpcSettings(host(), port(), username(), password(), virtualHost(), namespace(),
                quorumQueues(), confirmTimeout(), consumerThreads());
    }
}
