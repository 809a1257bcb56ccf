package io.windlass.port.workload;

import io.windlass.network.WorkloadPort;
import io.windlass.network.persistence.NetworkRecord;
import io.windlass.network.persistence.NetworkRepository;
import io.windlass.networking.NeutronException;
import io.windlass.networking.NeutronQuery;
import io.windlass.networking.Rows;
import io.windlass.port.persistence.PortRecord;
import io.windlass.port.persistence.PortRepository;
import io.windlass.port.service.PortBindingException;
import io.windlass.port.service.PortBindings;
import io.windlass.port.workload.WorkloadNetworkException.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The ports of a workload, made or bound by its create and released by its delete, inside the
 * transaction that writes the workload's row: the row and its ports commit or roll back together,
 * so a refused create leaves no port, address or binding behind. The host of each port is bound
 * later, by the conductor, once the scheduler has chosen it.
 */
@ApplicationScoped
public class WorkloadPorts {
    private static final Logger LOG = Logger.getLogger(WorkloadPorts.class);

    /** How a create that names no network gets one. */
    public enum DefaultNetwork {
        /** Zun: the project's first network, else the first shared one. */
        FIRST,
        /** Nova: the one network there is; several are ambiguous. */
        ONLY,
        /**
         * Nova before 2.37, {@code networks} not given: as {@link #ONLY}, but with none to take the server boots
         * without a port however {@link WorkloadNetworkConfig#whenNoneVisible()} is set, as Nova boots it
         * without a NIC.
         */
        ONLY_OR_NONE
    }

    /**
     * How a workload create names networks and ports.
     *
     * @param byName          names are looked up as well as uuids (Zun); Nova takes uuids only
     * @param defaultNetwork  the choice when nothing is asked for
     * @param portNeedsAddress a given port must hold an address (Nova's PortRequiresFixedIP)
     * @param deviceOwner     written on the workload's ports, as upstream: {@code compute:kuryr}, {@code compute:nova}
     */
    public record Rules(boolean byName, DefaultNetwork defaultNetwork, boolean portNeedsAddress, String deviceOwner) {
    }

    private final NetworkRepository networks;
    private final PortRepository ports;
    private final PortBindings bindings;
    private final WorkloadNetworkConfig config;

    public WorkloadPorts(NetworkRepository networks, PortRepository ports, PortBindings bindings,
                         WorkloadNetworkConfig config) {
        this.config = config;
        this.networks = networks;
        this.ports = ports;
        this.bindings = bindings;
    }

    /**
     * Binds the given ports and makes the others, for {@code deviceId}.
     *
     * @param requested what the create asked for, in order; empty: a network is chosen (see {@link Rules} and
     *                  {@link WorkloadNetworkConfig#chooseNetwork()}); when the project can see none, the workload
     *                  stays on its host engine's default network, or is refused
     *                  ({@link WorkloadNetworkConfig#whenNoneVisible()})
     * @return the workload's ports, in the order asked for (empty: the engine's default network)
     * @throws WorkloadNetworkException when one of them cannot be had; nothing is then left behind once
     *                                  the caller's transaction rolls back
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<WorkloadPort> allocate(String projectId, String deviceId, List<RequestedNetwork> requested,
                                       Rules rules) {
        return allocate(projectId, deviceId, requested, rules, null);
    }

    /**
     * As {@link #allocate(String, String, List, Rules)}, the ports made for the workload in the given
     * security groups. Ports the caller brings keep their own groups, as Zun and Nova leave them.
     *
     * @param securityGroups group ids of the project, already resolved; null: the project's default group
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<WorkloadPort> allocate(String projectId, String deviceId, List<RequestedNetwork> requested,
                                       Rules rules, List<String> securityGroups) {
        List<RequestedNetwork> wanted = requested.isEmpty() ? chosen(projectId, rules) : requested;
        List<WorkloadPort> made = new ArrayList<>();
        Set<String> portsSeen = new HashSet<>();
        for (RequestedNetwork r : wanted) {
            if (r.port() != null) {
                PortRecord port = port(projectId, r.port(), rules);
                if (!portsSeen.add(port.id())) {
                    throw new WorkloadNetworkException(Reason.PORT_TWICE, r.port(), "port " + port.id() + " asked twice");
                }
                if (rules.portNeedsAddress() && port.fixedIps().isEmpty()) {
                    throw new WorkloadNetworkException(Reason.PORT_WITHOUT_ADDRESS, r.port(),
                            "port " + port.id() + " has no address");
                }
                bind(projectId, port, deviceId, rules);
                made.add(new WorkloadPort(port.id(), port.networkId(), true, r.tag()));
            } else {
                NetworkRecord network = network(projectId, r.network(), rules);
                if (network.subnets().isEmpty()) {
                    throw new WorkloadNetworkException(Reason.NETWORK_WITHOUT_SUBNET, r.network(),
                            "network " + network.id() + " has no subnet");
                }
                PortRecord port = create(projectId, network, r.fixedIp(), deviceId, rules, securityGroups);
                made.add(new WorkloadPort(port.id(), network.id(), false, r.tag()));
            }
        }
        if (!made.isEmpty()) {
            LOG.infof("%s: ports %s", deviceId, made.stream().map(WorkloadPort::portId).toList());
        }
        return made;
    }

    /**
     * What a deleted workload leaves: the ports it was given are unbound and DOWN, ready for
     * another workload; the ones made for it are deleted with their addresses. Ports already gone
     * are skipped, as Zun and Nova skip a 404.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(List<WorkloadPort> held) {
        for (WorkloadPort p : held) {
            if (p.preserveOnDelete()) {
                bindings.unbind(p.portId());
            } else {
                bindings.delete(p.portId());
            }
        }
    }

    private List<RequestedNetwork> chosen(String projectId, Rules rules) {
        if (!config.chooseNetwork()) {
            return List.of();
        }
        List<String> usable = networks.usableBy(projectId);
        if (usable.isEmpty() && config.whenNoneVisible() == WorkloadNetworkConfig.NoneVisible.REFUSE
                && rules.defaultNetwork() != DefaultNetwork.ONLY_OR_NONE) {
            throw new WorkloadNetworkException(Reason.NO_NETWORK_AVAILABLE, projectId, "no network to choose from");
        }
        if (usable.isEmpty()) {
            return List.of();
        }
        if (rules.defaultNetwork() != DefaultNetwork.FIRST && usable.size() > 1) {
            throw new WorkloadNetworkException(Reason.NETWORKS_AMBIGUOUS, projectId,
                    usable.size() + " networks to choose from");
        }
        return List.of(RequestedNetwork.ofNetwork(usable.getFirst(), null));
    }

    /**
     * The network a caller names (by uuid, or by name where the rules allow), among those it may use.
     *
     * @throws WorkloadNetworkException not found, or ambiguous
     */
    public String networkId(String projectId, String ident, Rules rules) {
        return network(projectId, ident, rules).id();
    }

    /**
     * The port a caller names, among its project's.
     *
     * @throws WorkloadNetworkException not found, or ambiguous
     */
    public String portId(String projectId, String ident, Rules rules) {
        return port(projectId, ident, rules).id();
    }

    private NetworkRecord network(String projectId, String ident, Rules rules) {
        return resolve(ident, rules, "network", Reason.NETWORK_NOT_FOUND, Reason.NETWORK_AMBIGUOUS,
                id -> networks.find(id).filter(n -> n.shared() || n.projectId().equals(projectId)),
                name -> networks.list(byName(name), projectId));
    }

    /** Another project's port is one the caller may not see: not found, as the caller's own lookup would say. */
    private PortRecord port(String projectId, String ident, Rules rules) {
        return resolve(ident, rules, "port", Reason.PORT_NOT_FOUND, Reason.PORT_AMBIGUOUS,
                id -> ports.find(id).filter(p -> p.projectId().equals(projectId)),
                name -> ports.list(byName(name), projectId));
    }

    /** By id, then (where the API allows names and the text is no uuid) by name among what the caller sees. */
    private static <T> T resolve(String ident, Rules rules, String what, Reason notFound, Reason ambiguous,
                                 Function<String, Optional<T>> byId, Function<String, List<T>> byName) {
        Optional<T> found = byId.apply(ident);
        if (found.isPresent() || !rules.byName() || Rows.isUuid(ident)) {
            return found.orElseThrow(() -> new WorkloadNetworkException(notFound, ident, "no " + what + " " + ident));
        }
        List<T> named = byName.apply(ident);
        if (named.size() > 1) {
            throw new WorkloadNetworkException(ambiguous, ident, named.size() + " " + what + "s named " + ident);
        }
        return named.stream().findFirst().orElseThrow(() -> new WorkloadNetworkException(notFound, ident,
                "no " + what + " named " + ident));
    }

    private void bind(String projectId, PortRecord port, String deviceId, Rules rules) {
        try {
            bindings.bind(projectId, port.id(), deviceId, rules.deviceOwner(), "");
        } catch (PortBindingException e) {
            throw new WorkloadNetworkException(switch (e.reason()) {
                case NOT_FOUND -> Reason.PORT_NOT_FOUND;
                case NOT_USABLE -> Reason.PORT_NOT_USABLE;
                case IN_USE -> Reason.PORT_IN_USE;
            }, port.id(), e.getMessage());
        }
    }

    private PortRecord create(String projectId, NetworkRecord network, String fixedIp, String deviceId, Rules rules,
                              List<String> securityGroups) {
        try {
            return bindings.createFor(projectId, network.id(), fixedIp, deviceId, rules.deviceOwner(), "",
                    securityGroups);
        } catch (NeutronException e) {
            Reason reason = switch (e.errorName()) {
                case "IpAddressInUse", "IpAddressAlreadyAllocated" -> Reason.FIXED_IP_IN_USE;
                case "InvalidIpForSubnet", "InvalidIpForNetwork", "HTTPBadRequest", "InvalidInput" ->
                        Reason.FIXED_IP_INVALID;
                case "OverQuota" -> Reason.PORTS_OVER_QUOTA;
                case "IpAddressGenerationFailure" -> Reason.NO_MORE_ADDRESSES;
                default -> throw e;
            };
            throw new WorkloadNetworkException(reason, fixedIp == null ? network.id() : fixedIp, e.getMessage());
        }
    }

    private static NeutronQuery byName(String name) {
        return new NeutronQuery(List.of(), null, null, Map.of("name", List.of(name)));
    }
}
