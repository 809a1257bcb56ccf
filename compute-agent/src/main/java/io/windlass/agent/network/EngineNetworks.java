package io.windlass.agent.network;

import io.windlass.network.NetworkBinding;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import io.windlass.agent.driver.DriverException;
import io.windlass.agent.workload.WorkloadLocks;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Windlass networks present on this host: for each, an engine network (its bridge named after
 * the VNI) and, when the host has an underlay address, a VXLAN device in that bridge flooding to
 * the other hosts that hold the network. Made when a port of the network is first needed here,
 * removed when the engine has no container on it any more. Every method is idempotent and reads
 * the host's state rather than remembering it, so an agent restarted halfway finishes the job.
 *
 * <p>Operations on one network are serialised (a release must not remove the network under a
 * create that has just ensured it); different networks proceed in parallel.
 */
public class EngineNetworks implements TenantNetworks {
    private static final Logger LOG = Logger.getLogger(EngineNetworks.class);

    private final DockerNetworks engine;
    private final VxlanDevices vxlans;
    private final TenantBridgeGuard guard;
    private final Optional<String> underlayAddress;
    private final PortFilters filters;
    private final WorkloadLocks locks = new WorkloadLocks();

    /**
     * @param underlayAddress this host's address on the network between hosts; empty: networks stay
     *                        on this host (no VXLAN device, peers ignored)
     * @param filters         the host's port filters, put back in front after a network is made
     */
    public EngineNetworks(DockerNetworks engine, VxlanDevices vxlans, TenantBridgeGuard guard,
                          Optional<String> underlayAddress, PortFilters filters) {
        this.engine = engine;
        this.filters = filters;
        this.vxlans = vxlans;
        this.guard = guard;
        this.underlayAddress = underlayAddress.filter(a -> !a.isBlank());
    }

    /**
     * Makes sure the network is on this host: its engine network, its VXLAN device and flooding to
     * exactly the binding's peers.
     *
     * @return the engine network's name, for the container's network mode
     */
    public String ensure(NetworkBinding binding) {
        return locks.withLock(binding.networkId(), () -> ensureHeld(binding));
    }

    /**
     * Ensures the network and runs {@code create} (given the engine network's name) while no
     * {@link #releaseIfUnused} of the same network can run: the create's container then holds the
     * network. The bridge first forgets the port's MAC if it learned it behind the VXLAN device:
     * a port that lived on another host until now (a server evacuated or unshelved here, a port
     * handed to a new workload) would otherwise be unreachable from this host's workloads until
     * that entry aged out, their frames sent to the host the port has left.
     */
    public <T> T attaching(NetworkBinding binding, String mac, Function<String, T> create) {
        return locks.withLock(binding.networkId(), () -> {
            String name = ensureHeld(binding);
            underlayAddress.ifPresent(local -> vxlans.forgetLearned(DataPlaneNames.vxlan(binding.vni()), mac));
            return create.apply(name);
        });
    }

    /**
     * Brings the network's flooding entries to the binding's peers (a host began or stopped holding
     * ports of it). Nothing to do for a network this host does not hold, or without an underlay.
     *
     * @return what changed
     */
    @Override
    public FdbPlan updatePeers(NetworkBinding binding) {
        return locks.withLock(binding.networkId(), () -> {
            if (underlayAddress.isEmpty() || engine.find(DataPlaneNames.engineNetwork(binding.networkId())).isEmpty()) {
                return new FdbPlan(List.of(), List.of());
            }
            // the device is the network's: if something removed it, it comes back with the peers
            vxlans.ensure(vxlanSpec(binding));
            return vxlans.reconcilePeers(DataPlaneNames.vxlan(binding.vni()), binding.peerUnderlayAddresses(),
                    underlayAddress.get());
        });
    }

    /**
     * Removes the network from this host if no container of the engine (running or stopped) is on
     * it any more: the VXLAN device first, so no frame arrives for a bridge about to go, then the
     * engine network and its bridge.
     *
     * @return whether the network is gone from this host now
     */
    public boolean releaseIfUnused(String networkId) {
        return locks.withLock(networkId, () -> {
            String name = DataPlaneNames.engineNetwork(networkId);
            Optional<Network> found = engine.find(name);
            if (found.isEmpty()) {
                return true;
            }
            List<Container> users = engine.users(name);
            if (!users.isEmpty()) {
                LOG.debugf("engine network %s still carries %d container(s)", name, users.size());
                return false;
            }
            removeHeld(found.get());
            return true;
        });
    }

    /** {@link #releaseIfUnused} for every Windlass network the engine has; other networks are never touched. */
    @Override
    public List<String> releaseUnused() {
        List<String> released = new ArrayList<>();
        for (String networkId : engine.windlassNetworkIds()) {
            if (releaseIfUnused(networkId)) {
                released.add(networkId);
            }
        }
        if (!released.isEmpty()) {
            LOG.infof("released %d tenant network(s) no workload uses: %s", released.size(), released);
        }
        return released;
    }

    private String ensureHeld(NetworkBinding binding) {
        EngineNetworkSpec spec = EngineNetworkSpec.of(binding);
        // before the first bridge exists: no moment in which a container could reach its host or be routed
        guard.ensure(spec.ipv6());
        Optional<Network> found = engine.find(spec.name());
        if (found.isPresent() && !spec.matches(found.get())) {
            int users = engine.users(spec.name()).size();
            if (users > 0) {
                // the engine cannot change a network's pools; its containers keep the old ones
                throw new DriverException("Engine network " + spec.name() + " does not match network "
                        + binding.networkId() + " (bridge or subnets changed) and still carries " + users
                        + " container(s)");
            }
            LOG.infof("engine network %s does not match network %s: making it again", spec.name(),
                    binding.networkId());
            removeHeld(found.get());
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            engine.create(spec);
            // the engine put its accept rule for the new bridge first in FORWARD, ahead of the port filters
            filters.reassert();
        }
        underlayAddress.ifPresent(local -> {
            vxlans.ensure(vxlanSpec(binding));
            vxlans.reconcilePeers(DataPlaneNames.vxlan(binding.vni()), binding.peerUnderlayAddresses(), local);
        });
        return spec.name();
    }

    private void removeHeld(Network network) {
        vniOf(network).ifPresent(vni -> vxlans.remove(DataPlaneNames.vxlan(vni)));
        engine.remove(network.getName());
    }

    /** The VNI an engine network was made for, from its label (the network's record is not at hand on release). */
    private static Optional<Integer> vniOf(Network network) {
        Map<String, String> labels = network.getLabels() == null ? Map.of() : network.getLabels();
        try {
            return Optional.ofNullable(labels.get(EngineNetworkSpec.VNI_LABEL)).map(Integer::valueOf);
        } catch (NumberFormatException e) {
            LOG.warnf("engine network %s has a VNI label that is no number: %s", network.getName(),
                    labels.get(EngineNetworkSpec.VNI_LABEL));
            return Optional.empty();
        }
    }

    private VxlanSpec vxlanSpec(NetworkBinding binding) {
        return new VxlanSpec(binding.vni(), underlayAddress.orElseThrow(), VxlanSpec.IANA_PORT, binding.mtu());
    }
}
