package io.windlass.container.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.action.ActionLog;
import io.windlass.api.error.ConflictException;
import io.windlass.api.error.InvalidInputException;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.container.ContainerAction;
import io.windlass.container.TaskState;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.container.persistence.ContainerRepository;
import io.windlass.container.policy.ContainerPolicy;
import io.windlass.context.RequestContext;
import io.windlass.network.InterfaceChange;
import io.windlass.network.WorkloadPort;
import io.windlass.port.workload.RequestedNetwork;
import io.windlass.port.workload.WorkloadNetworkException;
import io.windlass.port.workload.WorkloadPorts;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Zun's {@code network_attach} and {@code network_detach}: the port is bound (or made) and recorded
 * in the row's {@code nics}, or picked for detaching, in the row's transaction with the message to
 * the conductor ({@code attach_interface}, {@code detach_interface}), which has the container's
 * host connect or disconnect it and ends the task state set here.
 */
@ApplicationScoped
public class ContainerInterfaces {
    private static final Logger LOG = Logger.getLogger(ContainerInterfaces.class);

    private final ContainerRepository repository;
    private final ContainerLookup lookup;
    private final ContainerPolicy policy;
    private final ConductorRpcApi conductor;
    private final WorkloadPorts ports;
    private final ActionLog actions;

    public ContainerInterfaces(ContainerRepository repository, ContainerLookup lookup, ContainerPolicy policy,
                               ConductorRpcApi conductor, WorkloadPorts ports, ActionLog actions) {
        this.actions = actions;
        this.repository = repository;
        this.lookup = lookup;
        this.policy = policy;
        this.conductor = conductor;
        this.ports = ports;
    }

    /**
     * @param requested the network (with a fixed IP or not) or the port; null: the project's network, as Zun
     *                  chooses one for a create without {@code nets}
     */
    public void attach(RequestContext caller, String ident, RequestedNetwork requested) {
        ContainerEntity found = lookup.resolve(caller, ident, false, ContainerPolicy.GET_ONE_ALL_PROJECTS);
        policy.authorize(ContainerPolicy.NETWORK_ATTACH, caller, found.projectId);
        WorkloadPort port = QuarkusTransaction.requiringNew().call(() -> {
            ContainerEntity c = locked(found, ident);
            ContainerService.requireAllowed(c, ContainerAction.NETWORK_ATTACH);
            ContainerService.requireHost(c, ContainerAction.NETWORK_ATTACH);
            // a port made for the attach is in the container's groups (Zun: "Apply security group when attach network")
            List<WorkloadPort> made = zun(() -> ports.allocate(c.projectId, c.uuid.toString(),
                    requested == null ? List.of() : List.of(requested), ContainerService.PORT_RULES,
                    c.securityGroups.isEmpty() ? null : c.securityGroups));
            if (made.isEmpty()) {
                throw new ConflictException("Conflict", "There is no neutron network available");
            }
            WorkloadPort added = made.getFirst();
            if (c.nics.stream().anyMatch(n -> n.networkId().equals(added.networkId()))) {
                // one port per network per container (NETWORKS.md §1.5); the port just bound rolls back
                throw new InvalidInputException("Invalid", requested != null && requested.port() != null
                        ? "Cannot attach port '" + requested.port() + "' to container '" + ident
                        + "' because another port on the same network is already attached to this container."
                        : "Network '" + (requested == null ? added.networkId() : requested.network())
                        + "' is already connected to container '" + ident + "'.");
            }
            List<WorkloadPort> nics = new ArrayList<>(c.nics);
            nics.add(added);
            c.nics = List.copyOf(nics);
            c.taskState = TaskState.NETWORK_ATTACHING;
            actions.record(caller, ActionLog.CONTAINER, c.uuid, c.projectId, "network_attach");
            conductor.attachInterface(caller, new InterfaceChange(InterfaceChange.CONTAINER, c.uuid.toString(),
                    added.portId()));
            return added;
        });
        LOG.infof("container %s: attaching port %s on network %s", found.uuid, port.portId(), port.networkId());
    }

    /** Exactly one of {@code network} and {@code port} (uuid or name) names what to detach. */
    public void detach(RequestContext caller, String ident, String network, String port) {
        ContainerEntity found = lookup.resolve(caller, ident, false, ContainerPolicy.GET_ONE_ALL_PROJECTS);
        policy.authorize(ContainerPolicy.NETWORK_DETACH, caller, found.projectId);
        String networkId = network == null ? null
                : zun(() -> ports.networkId(found.projectId, network, ContainerService.PORT_RULES));
        String portId = port == null ? null
                : zun(() -> ports.portId(found.projectId, port, ContainerService.PORT_RULES));
        WorkloadPort asked = QuarkusTransaction.requiringNew().call(() -> {
            ContainerEntity c = locked(found, ident);
            ContainerService.requireAllowed(c, ContainerAction.NETWORK_DETACH);
            ContainerService.requireHost(c, ContainerAction.NETWORK_DETACH);
            WorkloadPort nic = c.nics.stream()
                    .filter(n -> portId != null ? n.portId().equals(portId) : n.networkId().equals(networkId))
                    .findFirst().orElseThrow(() -> new InvalidInputException("Invalid", port != null
                            ? "Port '" + port + "' is not attached to container '" + ident + "'."
                            : "Network '" + network + "' is not attached to container '" + ident + "'."));
            c.taskState = TaskState.NETWORK_DETACHING;
            actions.record(caller, ActionLog.CONTAINER, c.uuid, c.projectId, "network_detach");
            conductor.detachInterface(caller, new InterfaceChange(InterfaceChange.CONTAINER, c.uuid.toString(),
                    nic.portId()));
            return nic;
        });
        LOG.infof("container %s: detaching port %s from network %s", found.uuid, asked.portId(), asked.networkId());
    }

    private ContainerEntity locked(ContainerEntity found, String ident) {
        return repository.lockByUuid(found.uuid).orElseThrow(() -> lookup.notFound(ident));
    }

    /** A port or network Zun cannot use, in Zun's words. */
    private static <T> T zun(Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (WorkloadNetworkException e) {
            throw ZunNetworkErrors.of(e);
        }
    }
}
