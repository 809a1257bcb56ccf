package io.windlass.agent.network;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import io.windlass.agent.driver.WorkloadNotFoundException;
import io.windlass.agent.driver.docker.DockerCalls;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;

/** The engine's side of the data plane: its networks, through docker-java and {@link DockerCalls}. */
public class DockerNetworks {
    private static final Logger LOG = Logger.getLogger(DockerNetworks.class);

    private final DockerClient docker;
    private final DockerCalls calls = new DockerCalls("Network");

    public DockerNetworks(DockerClient docker) {
        this.docker = docker;
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

    /** Removes the network; nothing to do when it is not there. */
    public void remove(String name) {
        try {
            calls.run("remove network", name, () -> docker.removeNetworkCmd(name).exec());
            LOG.infof("removed engine network %s", name);
        } catch (WorkloadNotFoundException e) {
            LOG.debugf("engine network %s was already gone", name);
        }
    }
}
