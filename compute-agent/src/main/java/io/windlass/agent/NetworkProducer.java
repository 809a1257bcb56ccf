package io.windlass.agent;

import io.windlass.agent.driver.EngineMeters;
import io.windlass.agent.driver.docker.DockerClientFactory;
import io.windlass.agent.network.DockerNetworks;
import io.windlass.agent.network.EngineNetworks;
import io.windlass.agent.network.HostCommands;
import io.windlass.agent.network.IptablesPortFilters;
import io.windlass.agent.network.TenantBridgeGuard;
import io.windlass.agent.network.VxlanDevices;
import io.windlass.agent.network.PortWiring;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * The data plane of this host's tenant networks, for the Docker drivers: the engine's networks,
 * the host's VXLAN devices and guard rules (iproute2 and iptables in the agent's own namespace),
 * and {@link EngineNetworks} over them. Nothing here is made for the fake driver: its producers
 * ask for these beans only on a Docker host ({@link DriverProducer}).
 */
@ApplicationScoped
public class NetworkProducer {
    /** Network calls are short; a minute covers an engine busy with a burst of creates. */
    private static final Duration NETWORK_CALL_TIMEOUT = Duration.ofMinutes(1);

    @Produces
    @Singleton
    HostCommands hostCommands() {
        return HostCommands.local();
    }

    @Produces
    @Singleton
    DockerNetworks dockerNetworks(AgentConfig config, EngineMeters meters) {
        return new DockerNetworks(DockerClientFactory.create(config.dockerHost(), NETWORK_CALL_TIMEOUT), meters);
    }

    @Produces
    @Singleton
    VxlanDevices vxlanDevices(HostCommands commands) {
        return new VxlanDevices(commands);
    }

    @Produces
    @Singleton
    TenantBridgeGuard tenantBridgeGuard(HostCommands commands) {
        return new TenantBridgeGuard(commands);
    }

    /** Only as itself: the host's {@code TenantNetworks} is {@link DriverProducer}'s choice, by driver. */
    @Produces
    @Singleton
    @Typed(EngineNetworks.class)
    EngineNetworks engineNetworks(DockerNetworks engine, VxlanDevices vxlans, TenantBridgeGuard guard,
                                  AgentConfig config, IptablesPortFilters filters) {
        return new EngineNetworks(engine, vxlans, guard, config.underlayAddress(), filters);
    }

    /** Only as itself: the host's {@code PortFilters} is {@link DriverProducer}'s choice, by driver. */
    @Produces
    @Singleton
    @Typed(IptablesPortFilters.class)
    IptablesPortFilters portFilters(HostCommands commands) {
        return new IptablesPortFilters(commands);
    }

    @Produces
    @Singleton
    PortWiring portWiring(EngineNetworks networks, DockerNetworks engine) {
        return new PortWiring(networks, engine);
    }

    void close(@Disposes DockerNetworks engine) {
        engine.close();
    }
}
