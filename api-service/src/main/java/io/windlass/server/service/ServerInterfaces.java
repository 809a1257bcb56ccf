package io.windlass.server.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.action.ActionLog;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.network.InterfaceChange;
import io.windlass.network.WorkloadPort;
import io.windlass.port.persistence.PortRecord;
import io.windlass.port.persistence.PortRepository;
import io.windlass.port.workload.RequestedNetwork;
import io.windlass.port.workload.WorkloadNetworkException;
import io.windlass.port.workload.WorkloadPorts;
import io.windlass.server.VmState;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.server.persistence.ServerRepository;
import io.windlass.server.policy.ServerPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Nova's {@code os-interface}: a server's ports, listed, shown, attached and detached. An attach
 * binds (or makes) the port and records it in the row's {@code nics}, in the row's transaction
 * with {@code attach_interface} to the conductor, which has the host connect it; a detach asks the
 * conductor to have the host disconnect it and release it after.
 *
 * <p>Nova answers an attach once the compute host has plugged the interface; here the answer comes
 * when the port is the server's, and {@code port_state} shows {@code DOWN} until the host has it
 * ({@code ACTIVE}), which is what Tempest waits for.
 */
@ApplicationScoped
public class ServerInterfaces {
    private static final Logger LOG = Logger.getLogger(ServerInterfaces.class);
    /** {@code nova/compute/api.py} attach_interface and detach_interface: check_instance_state. */
    private static final Set<VmState> STABLE = EnumSet.of(VmState.ACTIVE, VmState.PAUSED, VmState.STOPPED);

    private final ServerRepository repository;
    private final ServerLookup lookup;
    private final ConductorRpcApi conductor;
    private final WorkloadPorts ports;
    private final PortRepository portRows;
    private final ActionLog actions;

    public ServerInterfaces(ServerRepository repository, ServerLookup lookup, ConductorRpcApi conductor,
                            WorkloadPorts ports, PortRepository portRows, ActionLog actions) {
        this.actions = actions;
        this.repository = repository;
        this.lookup = lookup;
        this.conductor = conductor;
        this.ports = ports;
        this.portRows = portRows;
    }

    /**
     * One port of the server, as the Networking API shows it now.
     *
     * @param port the port
     * @param tag  the device tag given at boot or attach, or null
     */
    public record Attachment(PortRecord port, String tag) {
    }

    public List<Attachment> list(RequestContext caller, String id) {
        ServerEntity server = lookup.authorized(caller, id, ServerPolicy.INTERFACES_LIST);
        List<Attachment> out = new ArrayList<>();
        for (WorkloadPort nic : server.nics) {
            portRows.find(nic.portId()).filter(p -> p.deviceId().equals(server.uuid.toString()))
                    .ifPresent(p -> out.add(new Attachment(p, nic.tag())));
        }
        return out;
    }

    public Attachment show(RequestContext caller, String id, String portId) {
        ServerEntity server = lookup.authorized(caller, id, ServerPolicy.INTERFACES_SHOW);
        return attachment(server, portId);
    }

    /**
     * @param requested the network (with a fixed IP or not) or the port; null: the project's one network
     */
    public Attachment attach(RequestContext caller, String id, RequestedNetwork requested) {
        ServerEntity found = lookup.authorized(caller, id, ServerPolicy.INTERFACES_CREATE);
        if (requested != null && requested.network() != null && requested.port() != null) {
            throw InvalidInputException.badRequest("Must not input both network_id and port_id");
        }
        if (requested != null && requested.fixedIp() != null && requested.network() == null) {
            throw InvalidInputException.badRequest("Must input network_id when request IP address");
        }
        WorkloadPort added = QuarkusTransaction.requiringNew().call(() -> {
            ServerEntity s = locked(caller, found, id, "attach_interface");
            List<WorkloadPort> made;
            try {
                made = ports.allocate(s.projectId, s.uuid.toString(), requested == null ? List.of() : List.of(requested),
                        ServerService.PORT_RULES);
            } catch (WorkloadNetworkException e) {
                throw NovaNetworkErrors.ofAttach(e, s.uuid.toString());
            }
            if (made.isEmpty()) {
                throw new InvalidInputException("InterfaceAttachFailedNoNetwork", "No specific network was requested "
                        + "and none are available for project '" + s.projectId + "'.");
            }
            WorkloadPort port = made.getFirst();
            if (s.nics.stream().anyMatch(n -> n.networkId().equals(port.networkId()))) {
                // an engine container has one interface per network; the port just bound rolls back
                throw InvalidInputException.badRequest("Server " + s.uuid + " already has a port on network "
                        + port.networkId() + "; a server here has at most one port per network.");
            }
            List<WorkloadPort> nics = new ArrayList<>(s.nics);
            nics.add(port);
            s.nics = List.copyOf(nics);
            actions.record(caller, ActionLog.SERVER, s.uuid, s.projectId, "attach_interface");
            conductor.attachInterface(caller, new InterfaceChange(InterfaceChange.SERVER, s.uuid.toString(),
                    port.portId()));
            return port;
        });
        LOG.infof("server %s: attaching port %s on network %s", found.uuid, added.portId(), added.networkId());
        return new Attachment(portRows.find(added.portId()).orElseThrow(() -> notAttached(found, added.portId())),
                added.tag());
    }

    public void detach(RequestContext caller, String id, String portId) {
        ServerEntity found = lookup.authorized(caller, id, ServerPolicy.INTERFACES_DELETE);
        WorkloadPort asked = QuarkusTransaction.requiringNew().call(() -> {
            ServerEntity s = locked(caller, found, id, "detach_interface");
            WorkloadPort nic = s.nics.stream().filter(n -> n.portId().equals(portId)).findFirst()
                    .orElseThrow(() -> new ResourceNotFoundException("PortNotFound", "Port id " + portId
                            + " could not be found."));
            actions.record(caller, ActionLog.SERVER, s.uuid, s.projectId, "detach_interface");
            conductor.detachInterface(caller, new InterfaceChange(InterfaceChange.SERVER, s.uuid.toString(),
                    nic.portId()));
            return nic;
        });
        LOG.infof("server %s: detaching port %s from network %s", found.uuid, asked.portId(), asked.networkId());
    }


    /** The row under its lock, in a state that lets its interfaces change (Nova's check_instance_state). */
    private ServerEntity locked(RequestContext caller, ServerEntity found, String id, String method) {
        ServerEntity s = repository.lockLive(found.uuid).orElseThrow(() -> ServerLookup.notFound(id));
        ServerLocks.requireUnlocked(s, caller);
        if (s.taskState != null) {
            throw ServerActionRules.invalidState(s, method, "task_state", s.taskState.value());
        }
        if (!STABLE.contains(s.vmState) || s.host == null) {
            throw ServerActionRules.invalidState(s, method, "vm_state", s.vmState.value());
        }
        return s;
    }

    private Attachment attachment(ServerEntity server, String portId) {
        WorkloadPort nic = server.nics.stream().filter(n -> n.portId().equals(portId)).findFirst()
                .orElseThrow(() -> notAttached(server, portId));
        PortRecord port = portRows.find(portId).filter(p -> p.deviceId().equals(server.uuid.toString()))
                .orElseThrow(() -> notAttached(server, portId));
        return new Attachment(port, nic.tag());
    }

    private static ResourceNotFoundException notAttached(ServerEntity server, String portId) {
        return new ResourceNotFoundException("NotFound", "Instance " + server.uuid + " does not have a port with id "
                + portId);
    }
}
