package io.windlass.agent.network;

import com.github.dockerjava.api.command.CreateContainerCmd;
import io.windlass.network.NetworkBinding;
import io.windlass.network.PortSpec;
import io.windlass.network.WorkloadNetworks;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Puts a workload's engine container on its ports, and lets their networks go after it; shared by
 * the Docker drivers of every kind (a Zun container, a server, a capsule's sandbox).
 *
 * <p>The first port is the container's interface from its create on ({@link PortAttachment}: its
 * addresses and its MAC); each further port is connected afterwards with its addresses, at create
 * or later ({@link #attach}, and {@link #detach} takes one away). Each network is ensured, and the
 * container made or connected, under that network's lock, so a release running meanwhile (another
 * workload's delete, the sync) cannot take the network away in between.
 */
public class PortWiring {
    private static final Logger LOG = Logger.getLogger(PortWiring.class);

    private final EngineNetworks networks;
    private final DockerNetworks engine;

    public PortWiring(EngineNetworks networks, DockerNetworks engine) {
        this.networks = networks;
        this.engine = engine;
    }

    /**
     * Creates the container of {@code cmd} (with {@code create}, the driver's own call, which
     * returns the engine id) on the workload's ports, or as the command says when it has none.
     * A failure releases the networks again unless a container already holds them; the caller
     * removes a container that was made ({@link #release} after it).
     *
     * @return the engine id of the container
     */
    public String create(WorkloadNetworks ports, CreateContainerCmd cmd, Function<CreateContainerCmd, String> create) {
        if (ports.isEmpty()) {
            return create.apply(cmd);
        }
        PortSpec first = ports.ports().getFirst();
        try {
            String id = networks.attaching(ports.networkOf(first), first.mac(), name -> create.apply(PortAttachment.attach(cmd, first)));
            for (PortSpec port : ports.ports().subList(1, ports.ports().size())) {
                networks.attaching(ports.networkOf(port), port.mac(), name -> {
                    engine.connect(id, name, port);
                    return null;
                });
            }
            return id;
        } catch (RuntimeException e) {
            // a network made for this create and used by nothing else must not stay behind
            release(networkIds(ports));
            throw e;
        }
    }

    /**
     * Connects a placed workload's engine container to one more port ({@code attach_port}): the
     * port's network is ensured (engine network, VXLAN device, flooding to the binding's peers) and
     * the container connected with the port's addresses, under the network's lock. A container on
     * the network already is left as it is (an attach asked again); one on no network at all
     * ({@code none}: a server spawned without any) leaves that first, as the engine lets a container
     * on {@code none} join nothing else. A failure releases the network again unless a container
     * holds it, and drops what a refused connect left in the container.
     *
     * @return false when the engine has no such container: nothing was made for it then
     */
    public boolean attach(String engineContainer, PortSpec port, NetworkBinding network) {
        Optional<ContainerAttachments> found = engine.attachmentsOf(engineContainer);
        if (found.isEmpty()) {
            return false;
        }
        ContainerAttachments current = found.get();
        try {
            networks.attaching(network, port.mac(), name -> {
                if (current.isOn(port.networkId())) {
                    LOG.infof("container %s is on %s already (port %s)", engineContainer, name, port.portId());
                    return null;
                }
                if (current.isOnNoNetwork()) {
                    engine.disconnect(engineContainer, ContainerAttachments.NO_NETWORK);
                }
                engine.connect(engineContainer, name, port);
                return null;
            });
        } catch (RuntimeException e) {
            // a network made for this attach and used by nothing else must not stay behind
            release(List.of(network.networkId()));
            dropRefusedConnect(engineContainer, network.networkId());
            throw e;
        }
        return true;
    }

    /**
     * Disconnects a workload's engine container from a network ({@code detach_port}), stopped or
     * not, and removes the network from the host when nothing else uses it. A container not on the
     * network, or gone, is detached already: only the release is left (and dropping what a refused
     * connect may have left).
     */
    public void detach(String engineContainer, String networkId) {
        if (engine.attachmentsOf(engineContainer).map(current -> current.isOn(networkId)).orElse(false)) {
            engine.disconnect(engineContainer, DataPlaneNames.engineNetwork(networkId));
        }
        release(List.of(networkId));
        dropRefusedConnect(engineContainer, networkId);
    }

    /**
     * Drops the setting a refused connect left in a running container (see {@link ContainerAttachments}),
     * which would fail the container's next start. The engine drops it only by a forced disconnect
     * from a network it no longer has, so this comes after the release. While other containers keep
     * the network on the host the setting stays, and is logged: a detach of that network drops it
     * once they are gone. Never fails: the attach or detach it follows has its own outcome.
     */
    private void dropRefusedConnect(String engineContainer, String networkId) {
        String name = DataPlaneNames.engineNetwork(networkId);
        try {
            boolean left = engine.attachmentsOf(engineContainer).map(c -> c.keepsRefusedConnect(networkId))
                    .orElse(false);
            if (!left) {
                return;
            }
            if (engine.find(name).isPresent()) {
                LOG.warnf("container %s keeps the setting of a refused connect to %s, which other containers use:"
                        + " its next start fails on it; a detach of the network drops it once they are gone",
                        engineContainer, name);
                return;
            }
            engine.disconnect(engineContainer, name);
        } catch (RuntimeException e) {
            LOG.warnf("could not drop what a refused connect to %s left in container %s: %s", name, engineContainer,
                    e.getMessage());
        }
    }

    /**
     * Removes from the host those of the networks no container uses any more. Never fails: what it
     * follows (a removal, a detach, a failed create or attach) has its own outcome, and a network
     * left behind is released by the next sync.
     */
    public void release(Collection<String> networkIds) {
        for (String networkId : networkIds) {
            try {
                networks.releaseIfUnused(networkId);
            } catch (RuntimeException e) {
                LOG.warnf("could not release network %s (the next sync does): %s", networkId, e.getMessage());
            }
        }
    }

    /** The Windlass networks among a container's engine networks (keyed by engine network name). */
    public static List<String> windlassNetworks(Map<String, ?> engineNetworks) {
        return engineNetworks == null ? List.of() : engineNetworks.keySet().stream().map(DataPlaneNames::networkId)
                .flatMap(Optional::stream).toList();
    }

    /** The networks a workload's ports are on, each once. */
    static List<String> networkIds(WorkloadNetworks ports) {
        return ports.ports().stream().map(PortSpec::networkId).distinct().toList();
    }
}
