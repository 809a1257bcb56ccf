package io.windlass.agent.network;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Network;
import io.windlass.agent.driver.WorkloadNotFoundException;
import io.windlass.agent.driver.EngineMeters;
import io.windlass.agent.driver.docker.DockerCalls;
import io.windlass.network.PortSpec;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The engine's side of the data plane: its networks, through docker-java and {@link DockerCalls}. */
public class DockerNetworks implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DockerNetworks.class);

    private final DockerClient docker;
    private final DockerCalls calls;

    public DockerNetworks(DockerClient docker) {
        this(docker, EngineMeters.silent());
    }

    public DockerNetworks(DockerClient docker, EngineMeters meters) {
        this.docker = docker;
        this.calls = new DockerCalls("Network", meters);
    }

    /** The engine network of that name, if there is one. */
    public Optional<Network> find(String name) {
        try {
            return Optional.of(calls.call("inspect network", name,
                    () -> docker.inspectNetworkCmd().withNetworkId(name).exec()));
        } catch (WorkloadNotFoundException e) {
            return Optional.empty();
        }
    }

    public void create(EngineNetworkSpec spec) {
        List<Network.Ipam.Config> pools = spec.subnets().stream().map(s -> {
            Network.Ipam.Config pool = new Network.Ipam.Config().withSubnet(s.cidr());
            // without a gateway the engine takes the pool's first address for the bridge
            return s.gatewayIp() == null ? pool : pool.withGateway(s.gatewayIp());
        }).toList();
        String id = calls.call("create network", null, () -> docker.createNetworkCmd()
                .withName(spec.name())
                .withDriver("bridge")
                .withCheckDuplicate(true)
                // no route to or from anything beyond the network's own bridge (see EngineNetworkSpec)
                .withInternal(true)
                .withEnableIpv6(spec.ipv6())
                .withIpam(new Network.Ipam().withConfig(pools))
                .withOptions(spec.options())
                .withLabels(spec.labels())
                .exec().getId());
        LOG.infof("made engine network %s (%s, bridge %s)", spec.name(), id, spec.bridge());
    }

    /** The engine's containers on that network, stopped ones included: they get their address back when started. */
    public List<Container> users(String name) {
        return calls.call("list containers", null, () -> docker.listContainersCmd().withShowAll(true)
                .withNetworkFilter(List.of(name)).exec());
    }

    /**
     * The Windlass networks the engine has, by Windlass network uuid: networks labelled as
     * Windlass's and named {@code wl-net-<uuid>}; nothing else is ever listed here.
     */
    public List<String> windlassNetworkIds() {
        List<Network> managed = calls.call("list networks", null, () -> docker.listNetworksCmd()
                .withFilter("label", List.of(EngineNetworkSpec.MANAGED_LABEL + "=true")).exec());
        // the engine's name filter matches substrings: the prefix is checked here
        return managed.stream().map(Network::getName).map(DataPlaneNames::networkId).flatMap(Optional::stream)
                .distinct().toList();
    }

    /**
     * Connects a created container to a further port's network with the port's addresses. The MAC
     * goes on the endpoint too, but engines before API 1.44 (dockerd 20.10 here) ignore an endpoint
     * MAC and give the interface one of their own.
     */
    public void connect(String containerId, String networkName, PortSpec port) {
        ContainerNetwork.Ipam ipam = new ContainerNetwork.Ipam();
        port.ipv4Address().ifPresent(ipam::withIpv4Address);
        port.ipv6Address().ifPresent(ipam::withIpv6Address);
        ContainerNetwork endpoint = new ContainerNetwork().withIpamConfig(ipam).withMacAddress(port.mac());
        calls.run("connect " + networkName, null, () -> docker.connectToNetworkCmd().withNetworkId(networkName)
                .withContainerId(containerId).withContainerNetwork(endpoint).exec());
        LOG.infof("connected container %s to %s (port %s)", containerId, networkName, port.portId());
    }

    /** What the container has of the engine's networks; empty when the engine has no such container. */
    public Optional<ContainerAttachments> attachmentsOf(String containerName) {
        InspectContainerResponse r;
        try {
            r = calls.call("inspect container", containerName, () -> docker.inspectContainerCmd(containerName).exec());
        } catch (WorkloadNotFoundException e) {
            return Optional.empty();
        }
        Map<String, ContainerNetwork> settings = r.getNetworkSettings() == null ? null
                : r.getNetworkSettings().getNetworks();
        Map<String, String> endpoints = new HashMap<>();
        if (settings != null) {
            settings.forEach((name, net) -> endpoints.put(name,
                    net == null || net.getEndpointId() == null ? "" : net.getEndpointId()));
        }
        boolean running = r.getState() != null && Boolean.TRUE.equals(r.getState().getRunning());
        return Optional.of(new ContainerAttachments(running, endpoints));
    }

    /**
     * Disconnects a container from a network. By force, so that the engine also lets a stopped
     * container go, and a setting a refused connect left behind once the network is gone (see
     * {@link ContainerAttachments}). The engine refuses a running container that is not on the
     * network: ask {@link #attachmentsOf} first. Nothing to do when the container is gone.
     */
    public void disconnect(String containerName, String networkName) {
        try {
            calls.run("disconnect " + networkName, containerName, () -> docker.disconnectFromNetworkCmd()
                    .withNetworkId(networkName).withContainerId(containerName).withForce(true).exec());
            LOG.infof("disconnected container %s from %s", containerName, networkName);
        } catch (WorkloadNotFoundException e) {
            LOG.debugf("container %s was gone already", containerName);
        }
    }

    /** Removes the network; nothing to do when it is not there. */
    public void remove(String name) {
        try {
            calls.run("remove network", name, () -> docker.removeNetworkCmd(name).exec());
            LOG.infof("removed engine network %s", name);
        } catch (WorkloadNotFoundException e) {
            LOG.debugf("engine network %s was already gone", name);
        }
    }

    /** Closes the engine client it was given (the agent's own; a test's client is closed by the test). */
    @Override
    public void close() {
        try {
            docker.close();
        } catch (IOException e) {
            LOG.debugf("closing the network engine client: %s", e.getMessage());
        }
    }
}
