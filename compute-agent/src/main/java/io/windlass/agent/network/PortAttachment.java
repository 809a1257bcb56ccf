package io.windlass.agent.network;

import io.windlass.network.PortSpec;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.HostConfig;

import java.util.List;

/**
 * The part of a container create that puts the container on its port: the port's engine network
 * as the network mode, the port's addresses as the endpoint's IPAM addresses and the port's MAC.
 *
 * <p>Where the MAC goes: the engine here (dockerd 20.10, API 1.41) takes only the container-wide
 * {@code MacAddress}, and applies it to the network-mode network. Engines from API 1.44 move a
 * container-wide MAC onto the endpoint of the network-mode network (and refuse one that differs
 * from the endpoint's). docker-java 3.7 builds the endpoint itself from the addresses and cannot
 * carry an endpoint MAC at create, so the container-wide field is the one that works on both.
 */
public final class PortAttachment {

    private PortAttachment() {
    }

    /** Puts the container of {@code cmd} on {@code port}; the network must exist ({@link EngineNetworks#ensure}). */
    public static CreateContainerCmd attach(CreateContainerCmd cmd, PortSpec port) {
        HostConfig host = cmd.getHostConfig() == null ? HostConfig.newHostConfig() : cmd.getHostConfig();
        cmd.withHostConfig(host.withNetworkMode(DataPlaneNames.engineNetwork(port.networkId())));
        port.ipv4Address().ifPresent(cmd::withIpv4Address);
        port.ipv6Address().ifPresent(cmd::withIpv6Address);
        if (port.fixedIps().isEmpty()) {
            // docker-java sends an endpoint for the network only when it has something for it; engines
            // from API 1.44 need that endpoint to place the MAC on
            cmd.withAliases(List.of());
        }
        return cmd.withMacAddress(port.mac());
    }
}
